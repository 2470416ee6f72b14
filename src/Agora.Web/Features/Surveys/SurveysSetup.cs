using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Surveys;

public static class SurveysSetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<IStoredCounters, SurveyCounters>();
        services.AddSingleton(new ProcessComponent(SurveyService.ComponentKey, "Process.Tab.Surveys", "surveys", 55));
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyExport>();
        services.AddScoped<SurveyResults>();
        services.AddOpenDataset<SurveyResultsDataset>();
        services.AddScoped<Infrastructure.Demo.IDemoContributor, SurveysDemo>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, SurveysPersonalData>();
        services.AddSearchSource<SurveySearchSource>();
        services.AddApiModule<SurveysApi>();
        return services;
    }

    /// <summary>The answers as CSV and JSON, streamed: for the process's administrators, or everyone when the
    /// administrator declared the individual answers public; 404 otherwise.</summary>
    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        app.MapGet("/processes/{slug}/surveys/{id:guid}/export.{format:regex(^(csv|json)$)}", async (
            string slug, Guid id, string format, HttpContext http, SurveyService surveys, SurveyExport export, CancellationToken ct) =>
        {
            var loaded = await surveys.LoadAsync(slug, id, http.User, ct);
            if (loaded == null || !SurveyService.AnswersVisible(loaded))
                return Results.NotFound();
            var def = await surveys.DefinitionAsync(loaded.Survey, ct);
            var name = $"survey-{id:N}.{format}";
            return Results.Stream(async body =>
            {
                if (format == "csv")
                    await export.WriteCsvAsync(def, body, ct);
                else
                    await export.WriteJsonAsync(def, body, ct);
            }, format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", name);
        });
        return app;
    }
}

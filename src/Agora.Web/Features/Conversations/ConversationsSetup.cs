using System.Text;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

public static class ConversationsSetup
{
    public const string ComponentKey = "conversations";

    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<IStoredCounters, ConversationCounters>();
        services.AddSingleton(new ProcessComponent(ComponentKey, "Process.Tab.Conversations", "conversations", 50));
        services.AddScoped<ConversationService>();
        services.AddScoped<OpinionMapRefresh>();
        services.AddScoped<PolisInterchange>();
        services.AddScoped<Imports.IImportHandler, PolisImport>();
        services.AddScoped<ConversationPages>();
        services.AddHostedService<OpinionMapWorker>();
        services.AddScoped<Infrastructure.Demo.IDemoContributor, ConversationsDemo>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, ConversationsPersonalData>();
        services.AddSearchSource<ConversationSearchSource>();
        services.AddSearchSource<StatementSearchSource>();
        return services;
    }

    /// <summary>Pol.is CSV exports, for the process's administrators only; 404 for everyone else.</summary>
    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/processes/{slug}/conversations/{id:guid}/export/{file}", async (
            string slug, Guid id, string file, HttpContext http, ConversationPages pages, PolisInterchange polis, CancellationToken ct) =>
        {
            var loaded = await pages.LoadAsync(slug, id, http.User, ct);
            if (loaded == null || !loaded.CanManage)
                return Results.NotFound();
            var csv = await polis.ExportAsync(id, file, ct);
            return csv == null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", file);
        });
        return app;
    }
}

/// <summary>A conversation as its pages load it: the process, the conversation and whether the reader manages it.</summary>
public sealed record LoadedConversation(Process Process, Conversation Conversation, bool CanManage);

/// <summary>Shared loading and access rules of the conversation pages.</summary>
public sealed class ConversationPages(Infrastructure.Data.AgoraDb db, ProcessAccess access)
{
    /// <summary>The process (visible, with the component on) and the conversation (published, or the reader
    /// manages the process); null means 404.</summary>
    public async Task<LoadedConversation?> LoadAsync(string slug, Guid id, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await LoadProcessAsync(slug, user, ct);
        if (process == null)
            return null;
        var canManage = await access.CanManageAsync(user, process.Id, ct);
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.ProcessId == process.Id, ct);
        if (conversation == null || (!conversation.Published && !canManage))
            return null;
        return new LoadedConversation(process, conversation, canManage);
    }

    public async Task<Process?> LoadProcessAsync(string slug, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, user, ct);
        return process != null && process.Has(ConversationsSetup.ComponentKey) ? process : null;
    }
}

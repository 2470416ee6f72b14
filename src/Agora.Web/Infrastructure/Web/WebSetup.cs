using System.Text.Encodings.Web;
using System.Text.Unicode;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;

namespace Agora.Web.Infrastructure.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddAgoraWeb(this WebApplicationBuilder builder, bool isCommand)
    {
        // One JSON object per line outside Development (what log collectors parse without guessing), unless the
        // operator asks for text (Agora:Logging:Format=text, e.g. when journald is read by people).
        var logFormat = builder.Configuration["Agora:Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        if (string.Equals(logFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        // Cyrillic as itself, not as &#x...; entities: half the bytes, and readable source.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton<ContentFiles>();
        builder.Services.AddSingleton<Markdown>();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services
            .AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
                o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new RequireTwoFactorForStaffFilter()));
                o.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddMvcOptions(o =>
            {
                // Posted text loses its invisible direction controls; placed just before the provider that binds
                // strings, so [FromBody], [FromHeader], [FromServices] and custom binders still come first.
                var simple = o.ModelBinderProviders.ToList().FindIndex(p => p is SimpleTypeModelBinderProvider);
                o.ModelBinderProviders.Insert(Math.Max(simple, 0), new PlainTextModelBinderProvider());
            })
            // Validation happens on the server, in the reader's language; no data-val-* attributes in English.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // pages carry no secrets that BREACH could extract beyond antiforgery tokens, which rotate
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o => ProxyNetworks.Configure(o, builder.Configuration));
        builder.AddAgoraOutputCache(isCommand);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        if (!isCommand)
        {
            builder.Services.AddHostedService<StartupTasks>();
            builder.Services.AddSingleton<IdleMemoryTrim>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryTrim>());
        }
        return builder;
    }

    public static WebApplication UseAgoraPipeline(this WebApplication app)
    {
        if (app.Services.GetService<IdleMemoryTrim>() is { } trim)
        {
            app.Use(trim.ServeAsync);
        }
        app.UseForwardedHeaders();
        app.UseUntrustedProxyWarning();
        // Even in Development the 500 page shows no internals unless an operator asks for them.
        if (app.Configuration.GetValue("Agora:ShowErrorDetails", false))
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler("/error/500");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsOnly(app.Configuration);
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseAgoraSecurityHeaders();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=86400",
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCultureChoice();
        // Last: it needs the signed-in person (never cached for them), the resolved language and the endpoint's policy.
        app.UseAgoraOutputCache();
        return app;
    }
}

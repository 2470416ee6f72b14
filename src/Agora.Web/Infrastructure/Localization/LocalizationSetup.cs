using System.Globalization;
using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string Bulgarian = "bg";
    public const string English = "en";
    public static readonly CultureInfo Bg = CultureInfo.GetCultureInfo(Bulgarian);
    public static readonly CultureInfo En = CultureInfo.GetCultureInfo(English);
    public static readonly IReadOnlyList<CultureInfo> Supported = [Bg, En];

    public static bool IsSupported(string? name) => name is Bulgarian or English;

    /// <summary>Normalises "bg-BG", "EN" etc. to a supported culture, Bulgarian when unknown.</summary>
    public static CultureInfo Get(string? name) =>
        name != null && name.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? En : Bg;
}

public static class LocalizationSetup
{
    public static WebApplicationBuilder AddAgoraLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Bg);
            o.SupportedCultures = Cultures.Supported.ToList();
            o.SupportedUICultures = Cultures.Supported.ToList();
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // ?culture= first, then the cookie, then the browser's Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        return builder;
    }

    /// <summary>
    /// A `?culture=` choice persists in a cookie and, for a signed-in person, becomes the language of their e-mails.
    /// </summary>
    public static IApplicationBuilder UseCultureChoice(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var chosen = context.Request.Query["culture"].ToString();
        if (Cultures.IsSupported(chosen))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            if (Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                var db = context.RequestServices.GetRequiredService<AgoraDb>();
                await db.Users.Where(u => u.Id == userId && u.PreferredCulture != chosen)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, chosen));
            }
        }
        await next();
    });
}

/// <summary>Model binding's built-in messages ("The value '' is invalid.") in the reader's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetValueMustBeANumberAccessor(f => l["Validation.MustBeNumber", f]);
        m.SetMissingBindRequiredValueAccessor(f => l["Validation.Required", f]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.ValueInvalid", v]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.RequiredPlain"]);
        m.SetUnknownValueIsInvalidAccessor(f => l["Validation.ValueInvalidPlain"]);
        m.SetValueMustNotBeNullAccessor(f => l["Validation.RequiredPlain"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.ValueInvalidPlain"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumberPlain"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.RequiredPlain"]);
    }
}

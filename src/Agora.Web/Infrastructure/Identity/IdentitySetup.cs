using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Infrastructure.Identity;

public static class IdentitySetup
{
    public static WebApplicationBuilder AddAgoraIdentity(this WebApplicationBuilder builder)
    {
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        builder.Services
            .AddIdentity<AgoraUser, IdentityRole<Guid>>(o =>
            {
                // NIST 800-63B: length over composition rules; a breached-password check can come later.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AgoraDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AgoraClaimsFactory>();

        // A changed password or e-mail updates the security stamp; other sessions end at their next check.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = builder.Configuration.GetValue("Agora:Identity:SecurityStampInterval", TimeSpan.FromMinutes(1)));

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "agora.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // A page that refuses a site administrator only because two-factor is off sends them to set it up.
            var accessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = c => StaffTwoFactor.OnRedirectToAccessDenied(c, accessDenied);
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "agora.2fa";
            o.Cookie.SecurePolicy = secure;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = "agora.2fa-remember";
            o.Cookie.SecurePolicy = secure;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "agora.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // The status notices after a redirect ride in the TempData cookie: Secure like the others (its default,
        // SameAsRequest, sent it without Secure behind a proxy that ends TLS). Its name stays the default one, which
        // the output cache looks for.
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
        });

        // Staff roles count only with two-factor sign-in on, on every page, handler and endpoint (StaffTwoFactor.cs).
        builder.Services.Replace(ServiceDescriptor.Scoped<IClaimsTransformation, StaffTwoFactorClaims>());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffTwoFactorResultHandler>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Administrator, Roles.Moderator))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));

        builder.Services.AddScoped<Reauthentication>();
        builder.Services.AddScoped<AccountEraser>();
        builder.Services.AddScoped<PersonalDataExport>();
        builder.Services.AddScoped<IPersonalDataSource, AccountPersonalData>();
        builder.Services.AddScoped<AdminBootstrap>();
        return builder;
    }
}

/// <summary>Adds the display name, so the header can greet the person without a query per page.</summary>
public sealed class AgoraClaimsFactory(
    UserManager<AgoraUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AgoraUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "agora:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AgoraUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        return identity;
    }
}

/// <summary>Identity's messages in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated));
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateEmail), userName);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), role ?? "");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), role);
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword));
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled));
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), role);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), role);
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper));
}

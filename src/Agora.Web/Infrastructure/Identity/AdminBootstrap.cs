using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// Creates the roles and the first administrator. There is no built-in password: it comes from
/// configuration (Agora__Bootstrap__AdminEmail/AdminPassword) or from `admin create` on standard input.
/// </summary>
public sealed class AdminBootstrap(
    UserManager<AgoraUser> users, RoleManager<IdentityRole<Guid>> roles, AgoraDb db, AuditLog audit,
    IConfiguration config, TimeProvider clock, ILogger<AdminBootstrap> log)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
    }

    public async Task<bool> AnyAdministratorAsync()
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).FirstOrDefaultAsync();
        return await db.UserRoles.AnyAsync(ur => ur.RoleId == roleId);
    }

    /// <summary>At start: creates the configured administrator only if the platform has none yet.</summary>
    public async Task CreateFromConfigurationAsync()
    {
        var email = config["Agora:Bootstrap:AdminEmail"];
        var password = config["Agora:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || await AnyAdministratorAsync())
            return;
        var errors = await CreateAsync(email, password);
        if (errors.Count > 0)
            log.LogError("The bootstrap administrator was not created: {Errors}", string.Join("; ", errors));
        else
            log.LogInformation("Created the first administrator {Email}", email);
    }

    /// <summary>Creates an administrator (or promotes an existing account); returns what went wrong, if anything.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string password)
    {
        await EnsureRolesAsync();
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user == null)
        {
            user = new AgoraUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = email.Split('@')[0],
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            // An existing account keeps its password unless a new one is given; it must be confirmed to sign in.
            user.EmailConfirmed = true;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
        }
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Description).ToList();
        if (!await users.IsInRoleAsync(user, Roles.Administrator))
            await users.AddToRoleAsync(user, Roles.Administrator);
        audit.Record(null, "system", "admin.create", "user", user.Id.ToString(), email);
        await db.SaveChangesAsync();
        return [];
    }
}

using System.Text.Json;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// One module's share of "download my data". Each module that holds data about a person registers one,
/// so the export grows with the platform without the account pages knowing every module.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section's name in the JSON document, e.g. "account", "proposals".</summary>
    string Section { get; }

    Task<object?> CollectAsync(Guid userId, CancellationToken ct);
}

/// <summary>GDPR Art. 15/20: everything the platform holds about the person, as one JSON document.</summary>
public sealed class PersonalDataExport(IEnumerable<IPersonalDataSource> sources, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<byte[]> ExportAsync(Guid userId, CancellationToken ct)
    {
        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["platform"] = "Agora — Sofia Municipality",
        };
        foreach (var source in sources)
            document[source.Section] = await source.CollectAsync(userId, ct);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}

/// <summary>The account itself: profile, roles, sign-in methods, e-mails sent to the person, audit entries about them.</summary>
public sealed class AccountPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "account";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.EmailConfirmed,
                u.DisplayName,
                u.PreferredCulture,
                u.CreatedAt,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                u.BlockedAt,
                u.BlockedReason,
            })
            .FirstOrDefaultAsync(ct);
        if (user == null)
            return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        var logins = await db.UserLogins.Where(l => l.UserId == userId).Select(l => l.LoginProvider).ToListAsync(ct);
        var email = user.Email ?? "";
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email)
            .OrderBy(m => m.Id).Select(m => new { m.Subject, m.CreatedAt, m.SentAt }).ToListAsync(ct);
        var id = userId.ToString();
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == userId || (a.TargetType == "user" && a.TargetId == id))
            .OrderBy(a => a.Id).Select(a => new { a.At, a.Action, a.ActorName, a.Details }).ToListAsync(ct);
        return new { profile = user, roles, externalLogins = logins, emails = messages, auditLog = audit };
    }
}

/// <summary>
/// GDPR Art. 17: erases the person's data but keeps the row, so their public contributions stay under an
/// anonymous name. Later modules' contributions keep pointing at this row.
/// </summary>
public sealed class AccountEraser(AgoraDb db, TimeProvider clock)
{
    public async Task EraseAsync(AgoraUser user, CancellationToken ct)
    {
        var email = user.Email;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var anonymous = "deleted-" + user.Id.ToString("N");
        user.Email = null;
        user.NormalizedEmail = null;
        user.UserName = anonymous;
        user.NormalizedUserName = anonymous.ToUpperInvariant();
        user.DisplayName = "";
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.EmailConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.DeletedAt = clock.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid().ToString();
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        if (email != null)
            await db.OutboxMessages.Where(m => m.Recipient == email).ExecuteDeleteAsync(ct);
        // Saved directly, not through UserManager.UpdateAsync: its validators require an e-mail, which is the point of erasing.
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

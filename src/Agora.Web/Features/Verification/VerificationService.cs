using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Verification;

/// <summary>A way to become a verified resident. The census method and the officer's in-person check exist now; a
/// national eID login (eAuth, SAML) is another implementation whose callback calls
/// <see cref="VerificationService.GrantAsync"/> with the district its assertion carries.</summary>
public interface IVerificationMethod
{
    /// <summary>Stored on the verification, e.g. "census".</summary>
    string Key { get; }
    /// <summary>Resource key of the method's name.</summary>
    string NameKey { get; }
    /// <summary>Where a person starts this method themselves, or null when only staff use it.</summary>
    string? StartUrl { get; }
}

public sealed class CensusMethod : IVerificationMethod
{
    public const string MethodKey = "census";
    public string Key => MethodKey;
    public string NameKey => "Verification.Method.census";
    public string? StartUrl => "/verification#census";
}

public sealed class InPersonMethod : IVerificationMethod
{
    public const string MethodKey = "in-person";
    public string Key => MethodKey;
    public string NameKey => "Verification.Method.in-person";
    public string? StartUrl => null;
}

/// <summary>An action a component lets administrators put behind verification. Locked actions always need it
/// (a budget vote is only for residents of its area, whatever the setting).</summary>
public sealed record VerifiableAction(string Key, string NameKey, bool RequiredByDefault, bool Locked = false);

public sealed class VerificationOptions
{
    /// <summary>The HMAC key for census identifiers. Required outside Development; never commit a real one.</summary>
    public string? CensusKey { get; set; }
    /// <summary>How many census attempts one account may make per hour (successful or not).</summary>
    public int AttemptsPerHour { get; set; } = 5;

    /// <summary>How long a node keeps whether an action needs verification (asked on every support and proposal);
    /// 0 turns it off. A change saved on this node takes effect at once; elsewhere after at most this long.</summary>
    public int RequirementCacheSeconds { get; set; } = 5;
}

/// <summary>Counts committed writes to the verification requirements, which <see cref="VerificationService"/> caches.</summary>
public sealed class VerificationRequirementWatch : WriteWatch
{
    protected override bool Watches(Type entityType) => entityType == typeof(VerificationRequirement);
}

public sealed record VerificationStatus(string District, string Method, DateTime VerifiedAt);

public enum CensusOutcome { Verified, NoMatch, AlreadyUsed, AlreadyVerified, TooManyAttempts, Invalid }

public sealed class VerificationService(
    AgoraDb db, AuditLog audit, TimeProvider clock, IOptions<VerificationOptions> options, IHostEnvironment env,
    IEnumerable<VerifiableAction> actions, IMemoryCache cache, VerificationRequirementWatch watch)
{
    /// <summary>Only for Development and tests; production must configure its own secret.</summary>
    private const string DevelopmentKey = "agora-development-census-key-not-secret";

    public IEnumerable<VerifiableAction> Actions => actions;

    private byte[] Key()
    {
        var key = options.Value.CensusKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!env.IsDevelopment())
                throw new InvalidOperationException("Set Agora:Verification:CensusKey (a long random secret) to use census verification.");
            key = DevelopmentKey;
        }
        return Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The digits of a personal identifier (ЕГН): exactly ten, or null.</summary>
    public static string? Normalize(string? identifier)
    {
        var digits = new string((identifier ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public string Hash(string normalizedIdentifier) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key(), Encoding.ASCII.GetBytes(normalizedIdentifier)));

    public async Task<VerificationStatus?> StatusAsync(Guid userId, CancellationToken ct) =>
        await db.Set<ResidentVerification>().AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new VerificationStatus(v.District, v.Method, v.VerifiedAt)).FirstOrDefaultAsync(ct);

    public async Task<bool> IsRequiredAsync(string action, CancellationToken ct)
    {
        var declared = actions.FirstOrDefault(a => a.Key == action);
        if (declared?.Locked == true)
            return true;
        var seconds = options.Value.RequirementCacheSeconds;
        var key = ("verification-required", action, watch.Generation);
        if (seconds > 0 && cache.TryGetValue(key, out bool known))
            return known;
        var row = await db.Set<VerificationRequirement>().AsNoTracking().FirstOrDefaultAsync(r => r.Action == action, ct);
        var required = row?.Required ?? declared?.RequiredByDefault ?? false;
        if (seconds > 0)
            cache.Set(key, required, TimeSpan.FromSeconds(seconds));
        return required;
    }

    /// <summary>Why the person may not do <paramref name="action"/> (a resource key), or null. With a district the
    /// person must be a verified resident of it; with none (city-wide) of any Sofia district.</summary>
    public async Task<string?> CheckAsync(Guid? userId, string action, string? district, CancellationToken ct)
    {
        if (!await IsRequiredAsync(action, ct))
            return null;
        if (userId is not Guid id)
            return "Participation.SignInRequired";
        var status = await StatusAsync(id, ct);
        if (status == null)
            return "Verification.Refused.NotVerified";
        if (district != null ? status.District != district : !Districts.IsKnown(status.District))
            return "Verification.Refused.OtherDistrict";
        return null;
    }

    /// <summary>The person verifies themselves with identifier and birth date. Each attempt counts towards the
    /// hourly limit; the identifier is hashed at once and never logged.</summary>
    public async Task<(CensusOutcome Outcome, string? District)> VerifyByCensusAsync(Guid userId, string? identifier, DateOnly? birthDate, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<ResidentVerification>().AnyAsync(v => v.UserId == userId, ct))
            return (CensusOutcome.AlreadyVerified, null);
        var since = now.AddHours(-1);
        if (await db.Set<VerificationAttempt>().CountAsync(a => a.UserId == userId && a.At > since, ct) >= options.Value.AttemptsPerHour)
            return (CensusOutcome.TooManyAttempts, null);
        var digits = Normalize(identifier);
        if (digits == null || birthDate == null)
            return (CensusOutcome.Invalid, null);
        var hash = Hash(digits);
        var record = await db.Set<CensusRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.IdentifierHash == hash, ct);
        var matches = record != null && record.BirthDate == birthDate;
        db.Add(new VerificationAttempt { UserId = userId, At = now, Succeeded = matches });
        if (!matches)
        {
            await db.SaveChangesAsync(ct);
            return (CensusOutcome.NoMatch, null);
        }
        var outcome = await GrantAsync(userId, record!.District, CensusMethod.MethodKey, record.Id, null, ct);
        if (outcome != CensusOutcome.Verified)
        {
            db.ChangeTracker.Clear();
            db.Add(new VerificationAttempt { UserId = userId, At = now, Succeeded = false });
            await db.SaveChangesAsync(ct);
        }
        return (outcome, outcome == CensusOutcome.Verified ? record.District : null);
    }

    /// <summary>Records a verification and its audit entry in one save; the unique indexes turn a second account on
    /// the same census record (or a parallel second verification) into <see cref="CensusOutcome.AlreadyUsed"/>.</summary>
    public async Task<CensusOutcome> GrantAsync(Guid userId, string district, string method, Guid? censusRecordId, ClaimsPrincipal? officer, CancellationToken ct)
    {
        if (censusRecordId is Guid rid && await db.Set<ResidentVerification>().AnyAsync(v => v.CensusRecordId == rid, ct))
            return CensusOutcome.AlreadyUsed;
        var verification = new ResidentVerification
        {
            UserId = userId,
            District = district,
            Method = method,
            CensusRecordId = censusRecordId,
            VerifiedById = officer?.UserId(),
            VerifiedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(verification);
        if (officer != null)
            audit.Record(officer, "verification.grant", "user", userId.ToString(), $"{district} ({method})");
        else
            audit.Record(userId, "", "verification.self", "user", userId.ToString(), $"{district} ({method})");
        try
        {
            await db.SaveChangesAsync(ct);
            return CensusOutcome.Verified;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<ResidentVerification>().AnyAsync(v => v.UserId == userId, ct)
                ? CensusOutcome.AlreadyVerified : CensusOutcome.AlreadyUsed;
        }
    }

    public async Task<bool> RevokeAsync(Guid userId, ClaimsPrincipal officer, string reason, CancellationToken ct)
    {
        var row = await db.Set<ResidentVerification>().FirstOrDefaultAsync(v => v.UserId == userId, ct);
        if (row == null)
            return false;
        db.Remove(row);
        audit.Record(officer, "verification.revoke", "user", userId.ToString(), $"{row.District} ({row.Method}): {reason}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reads a census CSV (header row; comma or semicolon): <c>identifier</c> (raw ЕГН, hashed at once) or
    /// <c>identifier_hash</c> (already HMAC'd with the same key), <c>birth_date</c> (yyyy-MM-dd), <c>district</c>
    /// (key or Bulgarian name). Existing hashes are updated. Rejected lines are reported by number only, so nothing
    /// of the identifier reaches the page or the log.</summary>
    public async Task SetRequirementAsync(string action, bool required, ClaimsPrincipal admin, CancellationToken ct)
    {
        var row = await db.Set<VerificationRequirement>().FirstOrDefaultAsync(r => r.Action == action, ct);
        if (row == null)
            db.Add(new VerificationRequirement { Action = action, Required = required });
        else
            row.Required = required;
        audit.Record(admin, "verification.requirement", "action", action, required ? "required" : "not required");
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>"Download my data": the person's verification (district, method, when); never the census hash.</summary>
public sealed class VerificationPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "verification";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) =>
        await db.Set<ResidentVerification>().AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new { v.District, v.Method, v.VerifiedAt }).FirstOrDefaultAsync(ct);
}

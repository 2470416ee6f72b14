using System.Globalization;
using System.Security.Claims;
using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Commitments;

/// <summary>Limits of the texts, shared by the model, the forms and the checks.</summary>
public static class CommitmentRules
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 2000;
    public const int UpdateMax = 2000;

    /// <summary>The language of a text: Cyrillic means Bulgarian, anything else English.</summary>
    public static string LanguageOf(string text) => text.Any(ch => ch is >= '\u0400' and <= '\u04FF') ? "bg" : "en";

    /// <summary>The text in the reader's language where an English rendering exists.</summary>
    public static string In(string text, string language, string? english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && language != "en" && !string.IsNullOrWhiteSpace(english)
            ? english : text;

    /// <summary>The language the shown text is in, for a lang attribute when it differs from the page.</summary>
    public static string LanguageShown(string language, string? english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(english) ? "en" : language;

    public static IEnumerable<CommitmentResources> Each(CommitmentResources set) =>
        Enum.GetValues<CommitmentResources>().Where(r => r != CommitmentResources.None && set.HasFlag(r));
}

/// <summary>An organisation the reader may pledge for.</summary>
public sealed record PartyOption(Guid Id, string Name);

/// <summary>A process seen from its commitments: whether the reader facilitates it and which organisations they represent.</summary>
public sealed record CommitmentScope(Process Process, bool CanManage, IReadOnlyList<PartyOption> Represented, DateOnly Today)
{
    public string Path => $"/processes/{Process.Slug}/{CommitmentService.Segment}";

    /// <summary>Facilitators pledge for the municipality; representatives for their own organisations.</summary>
    public bool CanPledge => CanManage || Represented.Count > 0;

    /// <summary>Whether the reader may change a commitment of this party (null: the municipality).</summary>
    public bool MayActFor(Guid? organizationId) =>
        CanManage || (organizationId is Guid id && Represented.Any(r => r.Id == id));
}

/// <summary>Where the needs a commitment answers come from. The needs module provides the real list; until it is
/// wired, the default has none and the forms hide the need picker.</summary>
public interface ICommitmentNeedSource
{
    Task<IReadOnlyList<(Guid Id, string Title)>> NeedsAsync(Guid processId, CancellationToken ct);
}

public sealed class NoCommitmentNeeds : ICommitmentNeedSource
{
    public Task<IReadOnlyList<(Guid Id, string Title)>> NeedsAsync(Guid processId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(Guid Id, string Title)>>([]);
}

/// <summary>Finding commitments the reader may see and the acts on them (pledge, edit, progress, hide).</summary>
public sealed class CommitmentService(AgoraDb db, ProcessAccess access, OrganizationMembership membership, TimeProvider clock)
{
    public const string Key = "commitments";
    public const string Segment = "commitments";

    public DateOnly Today => DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));

    /// <summary>The process if the reader may see it and has commitments switched on; three queries.</summary>
    public async Task<CommitmentScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, reader, ct);
        if (process == null || !process.Has(Key))
            return null;
        var canManage = await access.CanManageAsync(reader, process.Id, ct);
        var represented = await membership.RepresentedIds(reader)
            .Join(db.Set<Organization>(), id => id, o => o.Id, (id, o) => new { o.Id, o.Name })
            .AsNoTracking().ToListAsync(ct);
        return new CommitmentScope(process, canManage,
            represented.Select(o => new PartyOption(o.Id, o.Name.Current)).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList(), Today);
    }

    /// <summary>The process's commitments the reader may see: hidden ones only for facilitators and the pledging organisation.</summary>
    public IQueryable<Commitment> Visible(CommitmentScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var all = db.Set<Commitment>().Where(c => c.ProcessId == scope.Process.Id);
        if (scope.CanManage)
            return all;
        var mine = scope.Represented.Select(r => (Guid?)r.Id).ToList();
        return all.Where(c => c.HiddenAt == null || mine.Contains(c.OrganizationId));
    }

    /// <summary>The published events of the process, for "made at".</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> EventsAsync(Guid processId, CancellationToken ct)
    {
        var rows = await db.Set<Event>().AsNoTracking().Where(e => e.ProcessId == processId && e.Published)
            .OrderByDescending(e => e.StartsAt).Take(200).Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        return rows.Select(e => (e.Id, e.Title.Current)).ToList();
    }

    /// <summary>Records a status change or a progress note (or both) as one dated update, in one transaction.</summary>
    public async Task AddUpdateAsync(Commitment commitment, Guid authorId, string text, CommitmentStatus? newStatus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var now = clock.GetUtcNow().UtcDateTime;
        text = text.Trim();
        if (newStatus == commitment.Status)
            newStatus = null;
        db.Add(new CommitmentUpdate
        {
            CommitmentId = commitment.Id,
            AuthorId = authorId,
            Text = text,
            Language = CommitmentRules.LanguageOf(text),
            NewStatus = newStatus,
            CreatedAt = now,
        });
        if (newStatus is CommitmentStatus s)
            commitment.Status = s;
        commitment.UpdatedAt = now;
        var id = commitment.Id;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            // Recounted rather than incremented, so two updates at once still leave the right number.
            await db.LockCounterAsync(nameof(Commitment.UpdateCount), id, ct);
            await db.Set<Commitment>().Where(c => c.Id == id).ExecuteUpdateAsync(x => x.SetProperty(c => c.UpdateCount,
                c => db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id)), ct);
            await tx.CommitAsync(ct);
        });
    }
}

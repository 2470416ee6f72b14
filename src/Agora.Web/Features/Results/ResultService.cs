using System.Globalization;
using System.Security.Claims;
using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>Limits and checks shared by the model, the forms, the API and the demo.</summary>
public static class ResultRules
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 8000;
    public const int TextMax = 4000;
    public const int ReasonMax = 1000;
    /// <summary>A billion euro in cents: more is a typo, not a municipal project.</summary>
    public const long MaxCents = 100_000_000_000L;

    /// <summary>
    /// Whether a status and progress fit together: planned has not started (0 %), completed is done (100 %),
    /// cancelled says why. Returns the resource key of what is wrong, or null.
    /// </summary>
    public static string? Check(ResultStatus status, int progress, string? cancelReason)
    {
        if (progress is < 0 or > 100)
            return "Results.Refused.Progress";
        return status switch
        {
            ResultStatus.Planned when progress != 0 => "Results.Refused.PlannedProgress",
            ResultStatus.Completed when progress != 100 => "Results.Refused.CompletedProgress",
            ResultStatus.Cancelled when string.IsNullOrWhiteSpace(cancelReason) => "Results.Refused.CancelReason",
            _ => null,
        };
    }

    /// <summary>An amount typed in euro ("1 234,50", "1234.5") as whole cents; null when it is not a non-negative amount.</summary>
    public static long? ParseEuro(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return 0;
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '€').ToArray());
        // A comma is the Bulgarian decimal separator; with both present, the last one is the decimal point.
        var lastSep = Math.Max(clean.LastIndexOf(','), clean.LastIndexOf('.'));
        if (lastSep >= 0)
            clean = clean[..lastSep].Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal) + "." + clean[(lastSep + 1)..];
        // Bounded before multiplying: 100 × an amount near decimal's limit would overflow (an answer 500).
        if (!decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount > MaxCents / 100m)
            return null;
        var cents = decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
        return cents is < 0 or > MaxCents ? null : (long)cents;
    }

    /// <summary>Cents as a form shows them: plain digits with a dot, never the culture's grouping.</summary>
    public static string FormEuro(long cents) =>
        (cents / 100m).ToString(cents % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>Dates outside this range are typos.</summary>
    public static bool Sane(DateOnly day) => day.Year is >= 2000 and <= 2100;
}

/// <summary>The filters of the overview, from the query string.</summary>
public sealed record ResultFilter(string? District, ResultStatus? Status, string? ProcessSlug);

/// <summary>How many results stand where, and the money spent against allocated, over the filtered results.</summary>
public sealed record ResultTotals(int Planned, int InProgress, int Completed, int Cancelled, long AllocatedCents, long SpentCents)
{
    public int Total => Planned + InProgress + Completed + Cancelled;

    public int Of(ResultStatus status) => status switch
    {
        ResultStatus.Planned => Planned,
        ResultStatus.InProgress => InProgress,
        ResultStatus.Completed => Completed,
        _ => Cancelled,
    };

    /// <summary>Spent as a whole percentage of allocated (0 when nothing is allocated).</summary>
    public int SpentPercent => AllocatedCents == 0 ? 0 : (int)Math.Min(999, SpentCents * 100 / AllocatedCents);
}

/// <summary>A line of the overview.</summary>
public sealed record ResultRow(Guid Id, LocalizedText Title, string? District, string Department, ResultStatus Status, int Progress,
    long AllocatedCents, long SpentCents, DateOnly? DueOn, DateTime UpdatedAt, string ProcessSlug, LocalizedText ProcessTitle);

/// <summary>A process whose results the reader may see.</summary>
public sealed record ResultProcess(Guid Id, string Slug, LocalizedText Title);

/// <summary>The overview: totals, one page of rows, and the processes for the filter.</summary>
public sealed record ResultOverview(ResultTotals Totals, Paged<ResultRow> Rows, IReadOnlyList<ResultProcess> Processes);

/// <summary>Finding results the reader may see, and the facilitators' acts on them.</summary>
public sealed class ResultService(AgoraDb db, ProcessAccess access, TimeProvider clock)
{
    public const string Key = "results";
    public const string Segment = "results";
    public const int PageSize = 20;

    public DateOnly Today => DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Processes the reader may see that have results switched on; one query (processes are few).</summary>
    public async Task<IReadOnlyList<ResultProcess>> ProcessesAsync(ClaimsPrincipal reader, CancellationToken ct)
    {
        var rows = await access.Visible(reader).AsNoTracking()
            .Select(p => new { p.Id, p.Slug, TitleBg = p.Title.Bg, TitleEn = p.Title.En, p.Components, p.StartsOn })
            .ToListAsync(ct);
        return rows.Where(p => p.Components.Split(',', StringSplitOptions.TrimEntries).Contains(Key))
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new ResultProcess(p.Id, p.Slug, new LocalizedText(p.TitleBg, p.TitleEn))).ToList();
    }

    /// <summary>The overview in three queries whatever the number of results: processes, totals, one page.</summary>
    public async Task<ResultOverview> OverviewAsync(ClaimsPrincipal reader, ResultFilter filter, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var processes = await ProcessesAsync(reader, ct);
        // An unknown or invisible process slug matches nothing.
        var ids = processes.Where(p => filter.ProcessSlug == null || p.Slug == filter.ProcessSlug).Select(p => p.Id).ToList();
        var query = db.Set<TrackedResult>().AsNoTracking().Where(r => ids.Contains(r.ProcessId));
        if (filter.District != null)
            query = filter.District == "city" ? query.Where(r => r.District == null) : query.Where(r => r.District == filter.District);
        var beforeStatus = query;
        if (filter.Status is ResultStatus s)
            query = query.Where(r => r.Status == s);

        // Totals count every status of the other filters, so the status filter does not hide the whole picture;
        // money sums over what the list shows.
        var groups = await beforeStatus.GroupBy(r => r.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                Allocated = g.Sum(r => r.BudgetAllocatedCents),
                Spent = g.Sum(r => r.BudgetSpentCents),
            })
            .ToListAsync(ct);
        int N(ResultStatus st) => groups.Where(g => g.Status == st).Sum(g => g.Count);
        var counted = groups.Where(g => filter.Status == null || g.Status == filter.Status).ToList();
        var totals = new ResultTotals(N(ResultStatus.Planned), N(ResultStatus.InProgress), N(ResultStatus.Completed), N(ResultStatus.Cancelled),
            counted.Sum(g => g.Allocated), counted.Sum(g => g.Spent));
        var total = filter.Status is ResultStatus fs ? totals.Of(fs) : totals.Total;

        page = Paging.Clamp(page);
        var rows = await query
            .Join(db.Set<Process>(), r => r.ProcessId, p => p.Id, (r, p) => new { r, p.Slug, PBg = p.Title.Bg, PEn = p.Title.En })
            .OrderBy(x => x.r.Status == ResultStatus.InProgress ? 0 : x.r.Status == ResultStatus.Planned ? 1 : x.r.Status == ResultStatus.Completed ? 2 : 3)
            .ThenByDescending(x => x.r.UpdatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.r.Id,
                TBg = x.r.Title.Bg,
                TEn = x.r.Title.En,
                x.r.District,
                x.r.Department,
                x.r.Status,
                x.r.Progress,
                x.r.BudgetAllocatedCents,
                x.r.BudgetSpentCents,
                x.r.DueOn,
                x.r.UpdatedAt,
                x.Slug,
                x.PBg,
                x.PEn,
            })
            .ToListAsync(ct);
        var list = rows.Select(x => new ResultRow(x.Id, new LocalizedText(x.TBg, x.TEn), x.District, x.Department, x.Status, x.Progress,
            x.BudgetAllocatedCents, x.BudgetSpentCents, x.DueOn, x.UpdatedAt, x.Slug, new LocalizedText(x.PBg, x.PEn))).ToList();
        return new ResultOverview(totals, new Paged<ResultRow>(list, page, PageSize, total), processes);
    }

    /// <summary>A result the reader may see, with its process; null otherwise (including when results are switched off).</summary>
    public async Task<(TrackedResult Result, Process Process, bool CanManage)?> FindAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var found = await db.Set<TrackedResult>().AsNoTracking().Where(r => r.Id == id)
            .Join(access.Visible(reader), r => r.ProcessId, p => p.Id, (r, p) => new { r, p })
            .FirstOrDefaultAsync(ct);
        if (found == null || !found.p.Has(Key))
            return null;
        return (found.r, found.p, await access.CanManageAsync(reader, found.p.Id, ct));
    }

    /// <summary>
    /// Records a timeline entry and applies its status and progress, in one transaction with the followers' e-mails.
    /// Returns the resource key of a refusal, or null. Completing sets progress to 100.
    /// </summary>
    public async Task<string?> AddUpdateAsync(TrackedResult result, Guid authorId, LocalizedText text, ResultStatus status, int progress,
        string? cancelReason, ResultMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mail);
        if (status == ResultStatus.Completed)
            progress = 100;
        if (status != ResultStatus.Cancelled)
            cancelReason = null;
        if (ResultRules.Check(status, progress, cancelReason) is { } refusal)
            return refusal;
        var changed = status != result.Status || progress != result.Progress;
        if (!changed && string.IsNullOrWhiteSpace(text.Bg) && string.IsNullOrWhiteSpace(text.En))
            return "Results.Refused.EmptyUpdate";
        var now = Now;
        var update = new ResultUpdate
        {
            ResultId = result.Id,
            AuthorId = authorId,
            Text = new LocalizedText(text.Bg.Trim(), text.En.Trim()),
            OldStatus = status != result.Status ? result.Status : null,
            NewStatus = status != result.Status ? status : null,
            OldProgress = progress != result.Progress ? result.Progress : null,
            NewProgress = progress != result.Progress ? progress : null,
            CreatedAt = now,
        };
        db.Add(update);
        result.Status = status;
        result.Progress = progress;
        result.CancelReason = cancelReason?.Trim();
        result.UpdatedAt = now;
        await mail.TellFollowersAsync(result, update, ct);
        await SaveCountingAsync(result.Id, ct);
        return null;
    }

    /// <summary>Saves the unit of work and recounts the result's updates, in one transaction.</summary>
    public async Task SaveCountingAsync(Guid resultId, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            // Recounted rather than incremented, so two updates at once still leave the right number.
            await db.LockCounterAsync(nameof(TrackedResult.UpdateCount), resultId, ct);
            await db.Set<TrackedResult>().Where(r => r.Id == resultId).ExecuteUpdateAsync(x => x.SetProperty(r => r.UpdateCount,
                r => db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id)), ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Follows or stops following; a second follow (double click, two tabs) is the same as one.</summary>
    public Task FollowAsync(Guid resultId, Guid userId, bool follow, CancellationToken ct) =>
        // The follower row and the stored follower count change in one transaction.
        db.InTransactionAsync(() => FollowCountingAsync(resultId, userId, follow, ct), ct);

    private async Task FollowCountingAsync(Guid resultId, Guid userId, bool follow, CancellationToken ct)
    {
        if (follow)
        {
            if (!await db.Set<ResultFollower>().AnyAsync(f => f.ResultId == resultId && f.UserId == userId, ct))
            {
                db.Add(new ResultFollower { ResultId = resultId, UserId = userId, CreatedAt = Now });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // The other request added the same row first (the key is unique), which is what was asked.
                    db.ChangeTracker.Clear();
                }
            }
        }
        else
            await db.Set<ResultFollower>().Where(f => f.ResultId == resultId && f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.LockCounterAsync(nameof(TrackedResult.FollowerCount), resultId, ct);
        await db.Set<TrackedResult>().Where(r => r.Id == resultId).ExecuteUpdateAsync(x => x.SetProperty(r => r.FollowerCount,
            r => db.Set<ResultFollower>().Count(f => f.ResultId == r.Id)), ct);
    }
}

/// <summary>E-mails a result's followers about each update, in each recipient's language, with a one-click link that
/// stops following that result. Adds the e-mails to the caller's unit of work: they commit with the update.</summary>
public sealed class ResultMail(AgoraDb db, Outbox outbox, PublicLinks links, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Agora.Results.Unsubscribe.v1");

    public string TokenFor(Guid resultId, Guid userId) => protector.Protect($"{resultId:N}:{userId:N}");

    public (Guid ResultId, Guid UserId)? Open(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
            return null;
        try
        {
            return protector.Unprotect(token).Split(':') is [var r, var u] && Guid.TryParseExact(r, "N", out var rid) && Guid.TryParseExact(u, "N", out var uid)
                ? (rid, uid) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task<int> TellFollowersAsync(TrackedResult result, ResultUpdate update, CancellationToken ct)
    {
        var followers = await db.Set<ResultFollower>().Where(f => f.ResultId == result.Id)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => u)
            .Where(u => u.Email != null && u.EmailConfirmed && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(ct);
        var url = links.Absolute("/results/" + result.Id);
        foreach (var f in followers)
        {
            var unsubscribe = links.Absolute(QueryHelpers.AddQueryString("/results/unsubscribe", "token", TokenFor(result.Id, f.Id)));
            outbox.Enqueue(f.Email!, f.PreferredCulture, l =>
            {
                var title = result.Title.Current;
                var paragraphs = new List<string> { l["Email.Greeting", f.DisplayName], l["Results.Mail.Headline", title] };
                if (update.NewStatus is ResultStatus s)
                    paragraphs.Add(l["Results.Mail.Status", l["Results.Status." + s].Value]);
                if (update.NewProgress is int p)
                    paragraphs.Add(l["Results.Mail.Progress", p]);
                if (update.Text.Current is { Length: > 0 } text)
                    paragraphs.Add(text);
                return new EmailContent(l["Results.Mail.Subject", title], paragraphs)
                {
                    ActionText = l["Results.Mail.Action"],
                    ActionUrl = url,
                    Footer = l["Results.Mail.Footer", title, unsubscribe],
                    Headers = UnsubscribeTokens.ListUnsubscribeHeaders(unsubscribe),
                };
            });
        }
        return followers.Count;
    }
}

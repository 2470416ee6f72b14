using Agora.Web.Features.Commitments;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>What a result came from, ready to show: its title in the reader's language and where it lives.</summary>
public sealed record OriginLink(Guid Id, Guid ProcessId, string Title, string Url);

/// <summary>
/// A kind of thing a result can come from (accepted proposal, prioritised need, commitment …). Each module that
/// produces decisions registers one via DI; results store only (Kind, Id), so a new kind (e.g. "budget-project")
/// plugs in without touching this module.
/// </summary>
public interface IResultOrigin
{
    /// <summary>Stable key stored on results, e.g. "proposal".</summary>
    string Kind { get; }

    /// <summary>Resource key of the kind's name, e.g. "Results.Origin.proposal".</summary>
    string LabelKey { get; }

    /// <summary>The process's items that may become results (e.g. accepted proposals only).</summary>
    Task<IReadOnlyList<OriginLink>> CandidatesAsync(Guid processId, CancellationToken ct);

    /// <summary>The given items that exist, with their title and address; one query.</summary>
    Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <summary>All registered origin kinds, by their key.</summary>
public sealed class ResultOrigins(IEnumerable<IResultOrigin> origins)
{
    public IReadOnlyList<IResultOrigin> All { get; } = origins.ToList();

    public IResultOrigin? Find(string? kind) => All.FirstOrDefault(o => o.Kind == kind);

    /// <summary>"kind:id" as used in forms and query strings.</summary>
    public static string Key(string kind, Guid id) => kind + ":" + id.ToString();

    public static (string Kind, Guid Id)? Parse(string? value) =>
        value?.Split(':') is [var kind, var id] && Guid.TryParse(id, out var gid) && kind.Length > 0 ? (kind, gid) : null;

    /// <summary>Resolves an origin; null when the kind is unknown or the item is gone.</summary>
    public async Task<OriginLink?> ResolveAsync(string? kind, Guid? id, CancellationToken ct)
    {
        if (Find(kind) is not { } origin || id is not Guid gid)
            return null;
        var found = await origin.ResolveAsync([gid], ct);
        return found.GetValueOrDefault(gid);
    }
}

/// <summary>Accepted proposals become results.</summary>
public sealed class ProposalResultOrigin(AgoraDb db) : IResultOrigin
{
    public string Kind => "proposal";
    public string LabelKey => "Results.Origin.proposal";

    public async Task<IReadOnlyList<OriginLink>> CandidatesAsync(Guid processId, CancellationToken ct) =>
        (await QueryAsync(db.Set<Proposal>().Where(p => p.ProcessId == processId && p.State == ProposalState.Accepted && p.HiddenAt == null), ct))
            .Values.OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await QueryAsync(db.Set<Proposal>().Where(p => ids.Contains(p.Id)), ct);

    private async Task<Dictionary<Guid, OriginLink>> QueryAsync(IQueryable<Proposal> proposals, CancellationToken ct)
    {
        var rows = await proposals.Join(db.Set<Process>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new { p.Id, p.ProcessId, p.Title, pr.Slug })
            .OrderBy(x => x.Id).AsNoTracking().Take(500).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new OriginLink(r.Id, r.ProcessId, r.Title, $"/processes/{r.Slug}/proposals/{r.Id}"));
    }
}

/// <summary>Prioritised needs (and those already in the action plan or addressed) become results.</summary>
public sealed class NeedResultOrigin(AgoraDb db) : IResultOrigin
{
    public string Kind => "need";
    public string LabelKey => "Results.Origin.need";

    public async Task<IReadOnlyList<OriginLink>> CandidatesAsync(Guid processId, CancellationToken ct) =>
        (await QueryAsync(db.Set<Need>().Where(n => n.ProcessId == processId && n.Status != NeedStatus.Identified), ct))
            .Values.OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await QueryAsync(db.Set<Need>().Where(n => ids.Contains(n.Id)), ct);

    private async Task<Dictionary<Guid, OriginLink>> QueryAsync(IQueryable<Need> needs, CancellationToken ct)
    {
        var rows = await needs.Join(db.Set<Process>(), n => n.ProcessId, pr => pr.Id,
                (n, pr) => new { n.Id, n.ProcessId, TitleBg = n.Title.Bg, TitleEn = n.Title.En, pr.Slug })
            .OrderBy(x => x.Id).AsNoTracking().Take(500).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new OriginLink(r.Id, r.ProcessId, new LocalizedText(r.TitleBg, r.TitleEn).Current,
            $"/processes/{r.Slug}/{NeedsService.Key}#need-{r.Id}"));
    }
}

/// <summary>Commitments (not withdrawn, not hidden) become results.</summary>
public sealed class CommitmentResultOrigin(AgoraDb db) : IResultOrigin
{
    public string Kind => "commitment";
    public string LabelKey => "Results.Origin.commitment";

    public async Task<IReadOnlyList<OriginLink>> CandidatesAsync(Guid processId, CancellationToken ct) =>
        (await QueryAsync(db.Set<Commitment>().Where(c => c.ProcessId == processId && c.HiddenAt == null && c.Status != CommitmentStatus.Withdrawn), ct))
            .Values.OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await QueryAsync(db.Set<Commitment>().Where(c => ids.Contains(c.Id)), ct);

    private async Task<Dictionary<Guid, OriginLink>> QueryAsync(IQueryable<Commitment> commitments, CancellationToken ct)
    {
        var rows = await commitments.Join(db.Set<Process>(), c => c.ProcessId, pr => pr.Id,
                (c, pr) => new { c.Id, c.ProcessId, c.Title, c.Language, c.TitleEn, pr.Slug })
            .OrderBy(x => x.Id).AsNoTracking().Take(500).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new OriginLink(r.Id, r.ProcessId, CommitmentRules.In(r.Title, r.Language, r.TitleEn),
            $"/processes/{r.Slug}/{CommitmentService.Segment}/{r.Id}"));
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

public sealed class ProposalInput
{
    [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 10, ErrorMessage = V.Length)]
    [Display(Name = "Proposals.Field.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = V.Required), StringLength(20_000, MinimumLength = 30, ErrorMessage = V.Length)]
    [Display(Name = "Proposals.Field.Body")]
    public string Body { get; set; } = "";

    /// <summary>A district key, or "city".</summary>
    [Required(ErrorMessage = V.Required), Display(Name = "Proposals.Field.District")]
    public string District { get; set; } = "city";

    [Display(Name = "Proposals.Field.Category")]
    public Guid? Category { get; set; }

    public static IEnumerable<SelectListItem> DistrictItems(string wholeCity) =>
        [new(wholeCity, "city"), .. Districts.All.Select(d => new SelectListItem(d.Name, d.Key))];

    public static IEnumerable<SelectListItem> CategoryItems(ProposalScope scope, string none) =>
        [new(none, ""), .. scope.Categories.Select(c => new SelectListItem(c.Name.Current, c.Id.ToString()))];

    /// <summary>Checks the choices against the process; returns (field, resource key) pairs of errors.</summary>
    public IEnumerable<(string Field, string Error)> Check(ProposalScope scope)
    {
        if (District != "city" && !Districts.IsKnown(District))
            yield return ("Input.District", "Validation.ValueInvalidPlain");
        if (Category is Guid c && scope.Categories.All(x => x.Id != c))
            yield return ("Input.Category", "Validation.ValueInvalidPlain");
    }

    public string? DistrictKey => District == "city" ? null : District;
}

/// <summary>Proposals with titles like a new one, so people support an existing proposal instead of repeating it.</summary>
public static class SimilarProposals
{
    public sealed record Match(Guid Id, string Title, int SupportCount);

    public static async Task<IReadOnlyList<Match>> FindAsync(AgoraDb db, Guid processId, string title, Guid? except, CancellationToken ct,
        Search.SearchService? search = null)
    {
        // The search index knows word forms and both scripts ("улиците" ~ "ulitsa"); the database scoring below is the
        // fallback while the index is not being kept fresh on this node.
        if (search?.MatchingIds(ProposalSearchSource.KindName, processId, title, titlesOnly: true, max: 50) is { } ids)
        {
            if (ids.Count == 0)
                return [];
            var found = await db.Set<Proposal>().AsNoTracking()
                .Where(p => ids.Contains(p.Id) && p.HiddenAt == null && p.State != ProposalState.Withdrawn && p.Id != except)
                .Select(p => new Match(p.Id, p.Title, p.SupportCount)).ToListAsync(ct);
            var rank = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            return found.OrderBy(m => rank[m.Id]).Take(5).ToList();
        }
        var words = Words(title);
        if (words.Count == 0)
            return [];
        // Titles are short; the newest few thousand in one process are scored in memory, which works the same on both providers.
        var candidates = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.ProcessId == processId && p.HiddenAt == null && p.State != ProposalState.Withdrawn && p.Id != except)
            .OrderByDescending(p => p.CreatedAt).Take(3000)
            .Select(p => new Match(p.Id, p.Title, p.SupportCount)).ToListAsync(ct);
        return candidates
            .Select(c => (c, Score: Words(c.Title).Count(words.Contains)))
            .Where(x => x.Score > 0 && x.Score * 3 >= Math.Min(words.Count, 3))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.c.SupportCount)
            .Take(5).Select(x => x.c).ToList();
    }

    /// <summary>Lower-cased words of four letters or more, cut to a five-letter stem so that forms of a word match.</summary>
    private static HashSet<string> Words(string text) =>
        text.Split((char[])[' ', ',', '.', ':', ';', '!', '?', '-', '–', '„', '“', '"', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToLower(CultureInfo.InvariantCulture))
            .Select(w => w.Length > 5 ? w[..5] : w)
            .ToHashSet(StringComparer.Ordinal);
}

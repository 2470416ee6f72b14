using System.Globalization;
using Agora.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// The opinion map as last computed in the background: groups, their representative statements, consensus, an SVG
/// map with a table equivalent and a plain-language summary. Never computes on request.
/// </summary>
public sealed class ResultsModel(Infrastructure.Data.AgoraDb db, ConversationPages pages) : PageModel
{
    public const int Width = 480;
    public const int Height = 320;
    private const int Pad = 16;

    public Process Process { get; private set; } = default!;
    public Conversation Conversation { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public OpinionSnapshot? Snapshot { get; private set; }
    public DateTime? ComputedAt { get; private set; }
    public IReadOnlyDictionary<int, (string Text, string Language)> Texts { get; private set; } = new Dictionary<int, (string, string)>();
    public IReadOnlyList<PlotPoint> Points { get; private set; } = [];

    public sealed record PlotPoint(double X, double Y, int? Group);

    public string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Groups are named by letter, as in Pol.is: A, B, C …</summary>
    public static string Letter(int group) => ((char)('A' + group)).ToString();

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var loaded = await pages.LoadAsync(slug, id, User, ct);
        if (loaded == null)
            return NotFound();
        (Process, Conversation, CanManage) = loaded;
        var stored = await db.Set<ConversationResult>().AsNoTracking().Where(r => r.ConversationId == id)
            .Select(r => new { r.Json, r.ComputedAt }).FirstOrDefaultAsync(ct);
        if (stored == null)
            return Page();
        Snapshot = OpinionSnapshot.FromJson(stored.Json);
        ComputedAt = stored.ComputedAt;
        var culture = Culture;
        // Only accepted statements are shown: a statement rejected after the last computation keeps its number only.
        var rows = await db.Set<Statement>().AsNoTracking().Where(s => s.ConversationId == id && s.Status == StatementStatus.Accepted)
            .Select(s => new { s.Number, s.Text, s.Language, s.TranslationEn }).ToListAsync(ct);
        Texts = rows.ToDictionary(r => r.Number, r =>
        {
            var text = Statement.TextIn(r.Text, r.Language, r.TranslationEn, culture);
            return (text, text == r.Text ? r.Language : "en");
        });
        Points = Scale(Snapshot.Points);
        return Page();
    }

    /// <summary>Fits the projections into the SVG's box, keeping the aspect ratio of the opinion space.</summary>
    private static List<PlotPoint> Scale(IReadOnlyList<SnapshotPoint> points)
    {
        if (points.Count == 0)
            return [];
        var minX = points.Min(p => p.X);
        var maxX = points.Max(p => p.X);
        var minY = points.Min(p => p.Y);
        var maxY = points.Max(p => p.Y);
        var scale = Math.Min((Width - 2 * Pad) / Math.Max(maxX - minX, 1e-9), (Height - 2 * Pad) / Math.Max(maxY - minY, 1e-9));
        var offX = (Width - (maxX - minX) * scale) / 2;
        var offY = (Height - (maxY - minY) * scale) / 2;
        return [.. points.Select(p => new PlotPoint(
            Math.Round(offX + (p.X - minX) * scale, 1),
            Math.Round(offY + (maxY - p.Y) * scale, 1),
            p.Group))];
    }

    public string TextOf(int number) => Texts.TryGetValue(number, out var t) ? t.Text : "#" + number.ToString(CultureInfo.InvariantCulture);

    public string? LangOf(int number) => Texts.TryGetValue(number, out var t) && t.Language != Culture ? t.Language : null;

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}

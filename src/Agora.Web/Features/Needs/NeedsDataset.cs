using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Needs;

/// <summary>
/// The needs lists of the public processes with their prioritisation result, computed like the ranking page
/// (<see cref="Tally"/> over the ballots, Borda count for top five, sums for points). The result needs every ballot
/// of a process, so each process is tallied in memory — a needs list is tens of rows — and its rows go out before
/// the next process is read.
/// </summary>
public sealed class NeedsDataset : IOpenDataset
{
    public string Name => "needs";
    public LocalizedText Title => new("Нужди и приоритети", "Needs and priorities");
    public LocalizedText Description => new(
        "Нуждите, предизвикателствата и приоритетите в процесите на участие, в двата езика, с област, състояние и резултата от приоритизацията: точки, място и брой участници.",
        "The needs, challenges and priorities in the participatory processes, in both languages, with area, status and the prioritisation result: score, position and number of participants.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("description_bg", Text, "Описание (Markdown, български)", "Description (Markdown, Bulgarian)"),
        new("description_en", Text, "Описание (Markdown, английски)", "Description (Markdown, English)"),
        new("area", Text, "Област на управление (ключ)", "Area of administration (key)"),
        new("status", Text, "Състояние: identified, prioritised, in-action-plan, addressed", "Status: identified, prioritised, in-action-plan, addressed"),
        new("ranking_method", Text, "Начин на приоритизация: top-five (Борда: 1-во място = 5 точки) или points (100 точки)", "Prioritisation method: top-five (Borda: 1st place = 5 points) or points (100 points)"),
        new("score", Number, "Точки", "Score"),
        new("position_from", Number, "Място (при равенство — първото от споделените)", "Position (on a tie, the first of the shared places)"),
        new("position_to", Number, "Място (при равенство — последното от споделените)", "Position (on a tie, the last of the shared places)"),
        new("participants", Number, "Брой участници, дали точки на нуждата", "Number of participants who gave the need points"),
        new("url", Url, "Страница на списъка с нужди", "Needs list page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        // The processes first, in full: PostgreSQL reads one result at a time per connection.
        var processes = await (from p in PublicProcesses.With(db, NeedsService.Key).AsNoTracking()
                               orderby p.CreatedAt, p.Id
                               select new
                               {
                                   p.Id,
                                   p.Slug,
                                   Method = db.Set<NeedsSettings>().Where(s => s.ProcessId == p.Id).Select(s => (RankingMethod?)s.Method).FirstOrDefault(),
                               }).ToListAsync(ct);
        foreach (var process in processes)
        {
            var method = process.Method ?? RankingMethod.TopFive;
            var needs = await db.Set<Need>().AsNoTracking().Where(n => n.ProcessId == process.Id)
                .OrderBy(n => n.Position).ThenBy(n => n.CreatedAt)
                .Select(n => new { n.Id, TitleBg = n.Title.Bg, TitleEn = n.Title.En, DescriptionBg = n.Description.Bg, DescriptionEn = n.Description.En, n.Area, n.Status })
                .ToListAsync(ct);
            var votes = await db.Set<NeedVote>().AsNoTracking().Where(v => v.ProcessId == process.Id)
                .Select(v => new { v.UserId, v.NeedId, v.Rank, v.Points }).ToListAsync(ct);
            var scores = method == RankingMethod.TopFive
                ? Tally.Borda(votes.Where(v => v.Rank != null).Select(v => (v.UserId, v.NeedId, v.Rank!.Value)), NeedsService.Slots)
                : Tally.Amounts(votes.Select(v => (v.UserId, v.NeedId, v.Points)));
            var standings = Tally.Rank(scores, needs.Select(n => n.Id).ToList()).ToDictionary(s => s.Key);
            var url = context.Link($"/processes/{process.Slug}/needs");
            foreach (var n in needs)
            {
                var s = standings[n.Id];
                yield return [n.Id.ToString(), process.Slug, n.TitleBg, n.TitleEn, n.DescriptionBg, n.DescriptionEn, n.Area,
                    RankingDocument.StatusKey(n.Status), RankingDocument.MethodKey(method), s.Total, s.From, s.To, s.Voters, url];
            }
        }
    }
}

using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Swot;

/// <summary>The items of the public SWOT boards (published process, SWOT component on), with their dot totals.
/// Items merged into another are left out: their contributors and dots already count on the item they joined.</summary>
public sealed class SwotItemsDataset : IOpenDataset
{
    public string Name => "swot-items";
    public LocalizedText Title => new("SWOT анализи: елементи", "SWOT analyses: items");
    public LocalizedText Description => new(
        "Силните и слабите страни, възможностите и заплахите, записани от участниците в SWOT анализите на процесите, с броя точки от гласуването и броя съавтори. Обединените елементи са включени в този, с който са обединени.",
        "The strengths, weaknesses, opportunities and threats written by participants in the processes' SWOT analyses, with the dots they received and the number of contributors. Merged items are counted in the item they were merged into.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("board_id", Text, "SWOT анализ (идентификатор)", "SWOT board (identifier)"),
        new("board_title_bg", Text, "Заглавие на анализа (български)", "Board title (Bulgarian)"),
        new("board_title_en", Text, "Заглавие на анализа (английски)", "Board title (English)"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("quadrant", Text, "Квадрант: Strengths, Weaknesses, Opportunities, Threats", "Quadrant: Strengths, Weaknesses, Opportunities, Threats"),
        new("text", Text, "Текст", "Text"),
        new("explanation", Text, "Пояснение", "Explanation"),
        new("language", Text, "Език на текста (bg или en)", "Language of the text (bg or en)"),
        new("order", Number, "Подредба в квадранта", "Order within the quadrant"),
        new("dots", Number, "Общо точки от гласуването", "Total dots from the vote"),
        new("contributors", Number, "Брой участници, предложили елемента", "Number of participants who contributed the item"),
        new("board_closed", FieldType.Boolean, "Анализът е приключен", "The board is closed"),
        new("created_at", FieldType.DateTime, "Добавен на (UTC)", "Added at (UTC)"),
        new("updated_at", FieldType.DateTime, "Променен на (UTC)", "Changed at (UTC)"),
        new("url", Url, "Страница на анализа", "Board page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var rows = (from i in db.Set<SwotItem>().AsNoTracking()
                    join b in db.Set<SwotBoard>() on i.BoardId equals b.Id
                    join p in PublicProcesses.With(db, SwotService.Key) on b.ProcessId equals p.Id
                    where i.MergedIntoId == null
                    orderby b.CreatedAt, b.Id, i.Quadrant, i.Position, i.CreatedAt
                    select new
                    {
                        i.Id,
                        i.BoardId,
                        TitleBg = b.Title.Bg,
                        TitleEn = b.Title.En,
                        p.Slug,
                        i.Quadrant,
                        i.Text,
                        i.Explanation,
                        i.Language,
                        i.Position,
                        Dots = db.Set<SwotDot>().Where(d => d.ItemId == i.Id).Sum(d => (int?)d.Count) ?? 0,
                        Contributors = db.Set<SwotContribution>().Count(c => c.ItemId == i.Id),
                        b.ClosedAt,
                        i.CreatedAt,
                        i.UpdatedAt,
                    })
            .AsAsyncEnumerable();
        await foreach (var i in rows.WithCancellation(ct))
            yield return [i.Id.ToString(), i.BoardId.ToString(), i.TitleBg, i.TitleEn, i.Slug, i.Quadrant.ToString(), i.Text, i.Explanation, i.Language,
                i.Position, i.Dots, i.Contributors, i.ClosedAt != null, i.CreatedAt, i.UpdatedAt, context.Link($"/processes/{i.Slug}/swot/{i.BoardId}")];
    }
}

/// <summary>The dot votes on public SWOT items: who (a pseudonym) put how many dots on which item.</summary>
public sealed class SwotDotsDataset : IOpenDataset
{
    public string Name => "swot-dots";
    public LocalizedText Title => new("SWOT анализи: гласове", "SWOT analyses: votes");
    public LocalizedText Description => new(
        "Гласовете с точки по елементите на SWOT анализите: елемент, участник (псевдонимен идентификатор) и брой точки.",
        "The dot votes on the items of the SWOT analyses: item, participant (pseudonymous identifier) and number of dots.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("item_id", Text, "Елемент (идентификатор от swot-items)", "Item (identifier in swot-items)"),
        new("board_id", Text, "SWOT анализ (идентификатор)", "SWOT board (identifier)"),
        new("voter", Text, "Участник (псевдонимен идентификатор)", "Participant (pseudonymous identifier)"),
        new("dots", Number, "Брой точки", "Number of dots"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var boards = from b in db.Set<SwotBoard>()
                     join p in PublicProcesses.With(db, SwotService.Key) on b.ProcessId equals p.Id
                     select b.Id;
        // Dots move to the target on a merge, so every stored dot is on a live item; the filter only guards that.
        var rows = (from d in db.Set<SwotDot>().AsNoTracking()
                    join i in db.Set<SwotItem>() on d.ItemId equals i.Id
                    where i.MergedIntoId == null && boards.Contains(d.BoardId)
                    orderby d.BoardId, d.ItemId, d.UserId
                    select new { d.ItemId, d.BoardId, d.UserId, d.Count })
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
            yield return [d.ItemId.ToString(), d.BoardId.ToString(), context.Pseudonym(d.UserId), d.Count];
    }
}

using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.ResultTracking;

/// <summary>The implementation tracker as open data: results of published processes with the component on, with
/// status, progress and money. The person who recorded a result is not included (it is the municipality's record).</summary>
public sealed class ResultsDataset : IOpenDataset
{
    public string Name => "results";
    public LocalizedText Title => new("Изпълнение на решенията", "Implementation of decisions");
    public LocalizedText Description => new(
        "Проследяваните резултати: какво общината се е ангажирала да направи, откъде идва решението, състояние, напредък, отговорно направление, предвидени и изразходвани средства в евро.",
        "Tracked results: what the municipality committed to do, where the decision comes from, status, progress, responsible department, and money allocated and spent in euro.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("title_bg", Text, "Заглавие на български", "Title in Bulgarian"),
        new("title_en", Text, "Заглавие на английски", "Title in English"),
        new("district", Text, "Район (ключ); празно — цялата община", "District (key); empty means the whole city"),
        new("department", Text, "Отговорно направление (ключ)", "Responsible department (key)"),
        new("status", Text, "Състояние: Planned, InProgress, Completed, Cancelled", "Status: Planned, InProgress, Completed, Cancelled"),
        new("progress", Number, "Напредък в проценти (0–100)", "Progress in percent (0–100)"),
        new("cancel_reason", Text, "Причина за отмяната", "Reason for cancelling"),
        new("budget_allocated_eur", Number, "Предвидени средства, евро", "Budget allocated, euro"),
        new("budget_spent_eur", Number, "Изразходвани средства, евро", "Budget spent, euro"),
        new("start_on", Date, "Начало", "Start"),
        new("due_on", Date, "Краен срок", "Due date"),
        new("origin_kind", Text, "Произход: proposal, need, commitment …", "Origin: proposal, need, commitment …"),
        new("origin_id", Text, "Идентификатор на решението в неговия набор", "Identifier of the decision in its dataset"),
        new("updates", Number, "Брой новини в хронологията", "Number of timeline updates"),
        new("created_at", FieldType.DateTime, "Записан на (UTC)", "Recorded at (UTC)"),
        new("updated_at", FieldType.DateTime, "Променен на (UTC)", "Changed at (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var rows = (from r in db.Set<TrackedResult>().AsNoTracking()
                    join p in PublicProcesses.With(db, ResultService.Key) on r.ProcessId equals p.Id
                    orderby r.CreatedAt, r.Id
                    select new
                    {
                        r.Id,
                        p.Slug,
                        TitleBg = r.Title.Bg,
                        TitleEn = r.Title.En,
                        r.District,
                        r.Department,
                        r.Status,
                        r.Progress,
                        r.CancelReason,
                        r.BudgetAllocatedCents,
                        r.BudgetSpentCents,
                        r.StartOn,
                        r.DueOn,
                        r.OriginKind,
                        r.OriginId,
                        r.UpdateCount,
                        r.CreatedAt,
                        r.UpdatedAt,
                    })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            yield return [r.Id.ToString(), r.Slug, r.TitleBg, r.TitleEn, r.District ?? "", r.Department, r.Status.ToString(), r.Progress,
                r.Status == ResultStatus.Cancelled ? r.CancelReason : null, r.BudgetAllocatedCents / 100.0, r.BudgetSpentCents / 100.0,
                r.StartOn, r.DueOn, r.OriginKind, r.OriginId?.ToString(), r.UpdateCount, r.CreatedAt, r.UpdatedAt, context.Link($"/results/{r.Id}")];
    }
}

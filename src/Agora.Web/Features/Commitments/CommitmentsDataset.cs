using System.Runtime.CompilerServices;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Commitments;

/// <summary>The public register of commitments: published processes with the component on, hidden ones left out.
/// The person who recorded a commitment appears only as a pseudonym; the pledging party is the organisation.</summary>
public sealed class CommitmentsDataset(TimeProvider clock) : IOpenDataset
{
    public string Name => "commitments";
    public LocalizedText Title => new("Ангажименти", "Commitments");
    public LocalizedText Description => new(
        "Ангажиментите на организациите и на общината в процесите на участие: какво ще направят, до кога, какво влагат, състоянието и броя отчети за напредъка.",
        "The commitments of organisations and of the municipality in the participatory processes: what they will do, by when, what they bring, the status and the number of progress updates.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process", Text, "Процес (кратко име в адреса)", "Process (address slug)"),
        new("organization", Text, "Организация (кратко име в адреса); празно — общината", "Organisation (address slug); empty means the municipality"),
        new("title", Text, "Заглавие, както е написано", "Title, as written"),
        new("title_en", Text, "Заглавие на английски, ако има превод", "Title in English, when translated"),
        new("language", Text, "Език на текста (bg или en)", "Language of the text (bg or en)"),
        new("need_id", Text, "Нужда, на която отговаря (идентификатор от needs)", "Need it answers (identifier in needs)"),
        new("event_id", Text, "Събитие, на което е поет (идентификатор от events)", "Event where it was made (identifier in events)"),
        new("due_on", Date, "Срок", "Due date"),
        new("status", Text, "Състояние: Pledged, InProgress, Done, Withdrawn", "Status: Pledged, InProgress, Done, Withdrawn"),
        new("brings", Text, "Какво влага, разделено с „; “: Expertise, Data, Venue, Funding, Volunteers, Technology", "What it brings, separated by \"; \": Expertise, Data, Venue, Funding, Volunteers, Technology"),
        new("overdue", FieldType.Boolean, "Просрочен (отворен след срока) към датата на файла", "Overdue (open past the due date) on the file's date"),
        new("updates", Number, "Брой отчети за напредъка", "Number of progress updates"),
        new("author", Text, "Записал (псевдонимен идентификатор)", "Recorded by (pseudonymous identifier)"),
        new("created_at", FieldType.DateTime, "Поет на (UTC)", "Made at (UTC)"),
        new("updated_at", FieldType.DateTime, "Променен на (UTC)", "Changed at (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var db = context.Db;
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        var rows = (from c in db.Set<Commitment>().AsNoTracking()
                    join p in PublicProcesses.With(db, CommitmentService.Key) on c.ProcessId equals p.Id
                    where c.HiddenAt == null
                    orderby c.CreatedAt, c.Id
                    select new
                    {
                        c.Id,
                        p.Slug,
                        Organization = db.Set<Organization>().Where(o => o.Id == c.OrganizationId).Select(o => o.Slug).FirstOrDefault(),
                        c.Title,
                        c.TitleEn,
                        c.Language,
                        c.NeedId,
                        c.EventId,
                        c.DueOn,
                        c.Status,
                        c.Brings,
                        c.UpdateCount,
                        c.AuthorId,
                        c.CreatedAt,
                        c.UpdatedAt,
                    })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
            yield return [c.Id.ToString(), c.Slug, c.Organization ?? "", c.Title, c.TitleEn, c.Language, c.NeedId?.ToString(), c.EventId?.ToString(),
                c.DueOn, c.Status.ToString(), string.Join("; ", CommitmentRules.Each(c.Brings)), Commitment.IsOverdue(c.Status, c.DueOn, today),
                c.UpdateCount, context.Pseudonym(c.AuthorId), c.CreatedAt, c.UpdatedAt, context.Link($"/processes/{c.Slug}/{CommitmentService.Segment}/{c.Id}")];
    }
}

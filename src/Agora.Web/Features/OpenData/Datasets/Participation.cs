using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Features.OpenData.FieldType;

namespace Agora.Web.Features.OpenData.Datasets;

// Citizens' contributions. Authors appear only as pseudonyms (Pseudonyms): the same person has the same id in every
// dataset and export, which lets anyone count contributions per author without learning who the author is.

public sealed class ProposalsDataset : IOpenDataset
{
    public string Name => "proposals";
    public LocalizedText Title => new("Предложения на гражданите", "Citizens' proposals");
    public LocalizedText Description => new(
        "Предложенията в процесите на участие: текст, район, състояние, брой подкрепи и коментари и официалният отговор на общината. Авторите са с псевдонимни идентификатори.",
        "The proposals in the participatory processes: text, district, state, numbers of supports and comments, and the municipality's official answer. Authors are pseudonymous identifiers.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process_id", Text, "Процес (идентификатор)", "Process (identifier)"),
        new("title", Text, "Заглавие", "Title"),
        new("body", Text, "Текст (Markdown)", "Text (Markdown)"),
        new("district", Text, "Район (ключ); празно — цялата община", "District (key); empty means the whole city"),
        new("state", Text, "Състояние: Published, ForEvaluation, Evaluating, Accepted, Rejected, Withdrawn", "State: Published, ForEvaluation, Evaluating, Accepted, Rejected, Withdrawn"),
        new("support_count", Number, "Брой подкрепи", "Number of supports"),
        new("comment_count", Number, "Брой коментари", "Number of comments"),
        new("author", Text, "Автор (псевдонимен идентификатор)", "Author (pseudonymous identifier)"),
        new("created_at", FieldType.DateTime, "Подадено на (UTC)", "Submitted at (UTC)"),
        new("threshold_reached_at", FieldType.DateTime, "Достигнат праг на подкрепа (UTC)", "Support threshold reached at (UTC)"),
        new("answer", Text, "Официален отговор (Markdown)", "Official answer (Markdown)"),
        new("answered_at", FieldType.DateTime, "Отговорено на (UTC)", "Answered at (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = (from p in PublicContent.Proposals(context.Db).AsNoTracking()
                    join pr in context.Db.Set<Process>() on p.ProcessId equals pr.Id
                    orderby p.CreatedAt, p.Id
                    select new { p.Id, p.ProcessId, pr.Slug, p.Title, p.Body, p.District, p.State, p.SupportCount, p.CommentCount, p.AuthorId, p.CreatedAt, p.ThresholdReachedAt, p.AnswerText, p.AnsweredAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.ProcessId.ToString(), p.Title, p.Body, p.District, p.State.ToString(), p.SupportCount, p.CommentCount, context.Pseudonym(p.AuthorId), p.CreatedAt, p.ThresholdReachedAt, p.AnswerText, p.AnsweredAt, context.Link($"/processes/{p.Slug}/proposals/{p.Id}")];
    }
}

public sealed class DebatesDataset : IOpenDataset
{
    public string Name => "debates";
    public LocalizedText Title => new("Дебати", "Debates");
    public LocalizedText Description => new(
        "Дебатите в процесите на участие: въпрос, брой коментари, кога са закрити и заключението.",
        "The debates in the participatory processes: question, number of comments, when closed and the conclusion.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process_id", Text, "Процес (идентификатор)", "Process (identifier)"),
        new("title", Text, "Заглавие", "Title"),
        new("body", Text, "Текст (Markdown)", "Text (Markdown)"),
        new("author", Text, "Автор (псевдонимен идентификатор)", "Author (pseudonymous identifier)"),
        new("created_at", FieldType.DateTime, "Открит на (UTC)", "Opened at (UTC)"),
        new("comment_count", Number, "Брой коментари", "Number of comments"),
        new("closed_at", FieldType.DateTime, "Закрит на (UTC)", "Closed at (UTC)"),
        new("conclusion", Text, "Заключение (Markdown)", "Conclusion (Markdown)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = (from d in PublicContent.Debates(context.Db).AsNoTracking()
                    join pr in context.Db.Set<Process>() on d.ProcessId equals pr.Id
                    orderby d.CreatedAt, d.Id
                    select new { d.Id, d.ProcessId, pr.Slug, d.Title, d.Body, d.AuthorId, d.CreatedAt, d.CommentCount, d.ClosedAt, d.Conclusion })
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
            yield return [d.Id.ToString(), d.ProcessId.ToString(), d.Title, d.Body, context.Pseudonym(d.AuthorId), d.CreatedAt, d.CommentCount, d.ClosedAt, d.Conclusion, context.Link($"/processes/{d.Slug}/debates/{d.Id}")];
    }
}

public sealed class CommentsDataset : IOpenDataset
{
    public string Name => "comments";
    public LocalizedText Title => new("Коментари", "Comments");
    public LocalizedText Description => new(
        "Видимите коментари по предложения и дебати, с позицията на автора и гласовете. Изтрити и скрити от модерацията коментари не се включват.",
        "The visible comments on proposals and debates, with the author's stance and the votes. Deleted comments and those hidden by moderation are left out.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("target_type", Text, "Към: proposal или debate", "On: proposal or debate"),
        new("target_id", Text, "Идентификатор на предложението или дебата", "Identifier of the proposal or debate"),
        new("parent_id", Text, "Отговор на коментар (идентификатор)", "Reply to comment (identifier)"),
        new("depth", Number, "Ниво в нишката (1–3)", "Level in the thread (1–3)"),
        new("author", Text, "Автор (псевдонимен идентификатор)", "Author (pseudonymous identifier)"),
        new("body", Text, "Текст (Markdown)", "Text (Markdown)"),
        new("stance", Text, "Позиция: Neutral, InFavour, Against", "Stance: Neutral, InFavour, Against"),
        new("upvotes", Number, "Гласове „за“", "Up votes"),
        new("downvotes", Number, "Гласове „против“", "Down votes"),
        new("created_at", FieldType.DateTime, "Написан на (UTC)", "Written at (UTC)"),
        new("edited_at", FieldType.DateTime, "Редактиран на (UTC)", "Edited at (UTC)"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = PublicContent.Comments(context.Db).AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.TargetType, c.TargetId, c.ParentId, c.Depth, c.AuthorId, c.Body, c.Stance, c.Upvotes, c.Downvotes, c.CreatedAt, c.EditedAt })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
            yield return [c.Id.ToString(), c.TargetType, c.TargetId.ToString(), c.ParentId?.ToString(), c.Depth, context.Pseudonym(c.AuthorId), c.Body, c.Stance.ToString(), c.Upvotes, c.Downvotes, c.CreatedAt, c.EditedAt];
    }
}

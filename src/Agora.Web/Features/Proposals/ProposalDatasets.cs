using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Proposals;

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
        var rows = (from p in PublicProposals.All(context.Db).AsNoTracking()
                    join pr in context.Db.Set<Process>() on p.ProcessId equals pr.Id
                    orderby p.CreatedAt, p.Id
                    select new { p.Id, p.ProcessId, pr.Slug, p.Title, p.Body, p.District, p.State, p.SupportCount, p.CommentCount, p.AuthorId, p.CreatedAt, p.ThresholdReachedAt, p.AnswerText, p.AnsweredAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.ProcessId.ToString(), p.Title, p.Body, p.District, p.State.ToString(), p.SupportCount, p.CommentCount, context.Pseudonym(p.AuthorId), p.CreatedAt, p.ThresholdReachedAt, p.AnswerText, p.AnsweredAt, context.Link($"/processes/{p.Slug}/proposals/{p.Id}")];
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
        var rows = PublicProposals.Comments(context.Db).AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.TargetType, c.TargetId, c.ParentId, c.Depth, c.AuthorId, c.Body, c.Stance, c.Upvotes, c.Downvotes, c.CreatedAt, c.EditedAt })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
            yield return [c.Id.ToString(), c.TargetType, c.TargetId.ToString(), c.ParentId?.ToString(), c.Depth, context.Pseudonym(c.AuthorId), c.Body, c.Stance.ToString(), c.Upvotes, c.Downvotes, c.CreatedAt, c.EditedAt];
    }
}

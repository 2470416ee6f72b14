using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Surveys;

/// <summary>Surveys by title and description (answers are not searchable); drafts for the process's managers.</summary>
public sealed class SurveySearchSource : QuerySearchSource<Survey, SurveySearchSource.Row>
{
    public const string KindName = "survey";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Title, LocalizedText Description, bool Published, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => SurveyService.ComponentKey;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Survey>(KindName, s => s.Id)];

    protected override Expression<Func<Survey, Guid>> IdOf => s => s.Id;

    protected override IQueryable<Survey> Items(AgoraDb db) => db.Set<Survey>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Survey> items) =>
        items.Join(db.Set<Process>(), s => s.ProcessId, p => p.Id,
            (s, p) => new Row(s.Id, p.Id, p.Slug, s.Title, s.Description, s.Published, s.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/surveys/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            Visibility = r.Published ? SearchVisibility.Public : SearchVisibility.ProcessManagers,
        }.WithText(r.Title, r.Description);
}

using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Events;

/// <summary>Events: drafts for the process's managers (site administrators for stand-alone ones).</summary>
public sealed class EventSearchSource : QuerySearchSource<Event, EventSearchSource.Row>
{
    public const string KindName = "event";

    public sealed record Row(Guid Id, Guid? ProcessId, string? Slug, LocalizedText Title, LocalizedText Description,
        LocalizedText Organiser, LocalizedText Outcomes, string Venue, string Address, string? District, DateTime StartsAt, bool Published);

    public override string Kind => KindName;

    protected override string Component => "events";

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Event>(KindName, e => e.Id)];

    protected override Expression<Func<Event, Guid>> IdOf => e => e.Id;

    protected override IQueryable<Event> Items(AgoraDb db) => db.Set<Event>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Event> items) =>
        items.Select(e => new Row(e.Id, e.ProcessId,
            db.Set<Process>().Where(p => p.Id == e.ProcessId).Select(p => p.Slug).FirstOrDefault(),
            e.Title, e.Description, e.Organiser, e.Outcomes, e.Venue, e.Address, e.District, e.StartsAt, e.Published));

    protected override SearchDocument ToDocument(Row r)
    {
        var place = new LocalizedText { Bg = r.Venue + " " + r.Address, En = r.Venue + " " + r.Address };
        return new SearchDocument(Kind, r.Id, "/events/" + r.Id)
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            District = r.District,
            Date = r.StartsAt,
            Visibility = r.Published ? SearchVisibility.Public
                : r.ProcessId != null ? SearchVisibility.ProcessManagers : SearchVisibility.Administrators,
        }.WithText(r.Title, r.Description, r.Organiser, r.Outcomes, place);
    }
}

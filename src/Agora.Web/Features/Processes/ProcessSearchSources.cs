using System.Linq.Expressions;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Processes;

/// <summary>Processes: a draft is found only by those who manage it.</summary>
public sealed class ProcessSearchSource : QuerySearchSource<Process, ProcessSearchSource.Row>
{
    public const string KindName = "process";

    public sealed record Row(Guid Id, string Slug, LocalizedText Title, LocalizedText Subtitle, LocalizedText Summary,
        LocalizedText Description, LocalizedText Theme, string Scope, DateOnly StartsOn, bool Published, string Components);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Process>(KindName, p => p.Id)];

    protected override Expression<Func<Process, Guid>> IdOf => p => p.Id;

    protected override IQueryable<Process> Items(AgoraDb db) => db.Set<Process>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Process> items) =>
        items.Select(p =>
            new Row(p.Id, p.Slug, p.Title, p.Subtitle, p.Summary, p.Description, p.Theme, p.Scope, p.StartsOn, p.Published, p.Components));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, "/processes/" + r.Slug)
        {
            ProcessId = r.Id,
            ProcessSlug = r.Slug,
            // A process in one district is filed under it; a city-wide or multi-district one under none.
            District = r.Scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var one] ? one : null,
            Date = r.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Visibility = r.Published ? SearchVisibility.Public : SearchVisibility.ProcessManagers,
            Components = r.Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }.WithText(r.Title, r.Subtitle, r.Summary, r.Theme, r.Description);
}

/// <summary>Phases of a process, found by their titles and descriptions; they link to the process page.</summary>
public sealed class PhaseSearchSource : QuerySearchSource<Phase, PhaseSearchSource.Row>
{
    public const string KindName = "phase";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Title, LocalizedText Description, DateOnly StartsOn);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Phase>(KindName, p => p.Id)];

    protected override Expression<Func<Phase, Guid>> IdOf => p => p.Id;

    protected override IQueryable<Phase> Items(AgoraDb db) => db.Set<Phase>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Phase> items) =>
        items.Join(db.Set<Process>(), ph => ph.ProcessId, p => p.Id, (ph, p) => new Row(ph.Id, p.Id, p.Slug, ph.Title, ph.Description, ph.StartsOn));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, "/processes/" + r.Slug)
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }.WithText(r.Title, r.Description);
}

using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Search;

/// <summary>
/// One entry of the search change log: "(kind, id) changed". Written in the same SaveChanges as the change itself,
/// so a change is never lost; every node's index follows the log by id (see <see cref="SearchIndexer"/>).
/// </summary>
public sealed class SearchChange : Infrastructure.Web.IBookkeepingRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid EntityId { get; set; }
    public DateTime At { get; set; }

    /// <summary>For writes that bypass SaveChanges' change tracking (ExecuteUpdate): add this, then SaveChanges.</summary>
    public static SearchChange For(string kind, Guid id) => new() { Kind = kind, EntityId = id, At = DateTime.UtcNow };
}

public sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> builder)
    {
        builder.Property(c => c.Kind).HasMaxLength(40);
        builder.HasIndex(c => c.At);
    }
}

/// <summary>Which entity types touch which search kinds, gathered from the registered sources.</summary>
public sealed class SearchTriggers
{
    private readonly Dictionary<Type, List<SearchTrigger>> byType;

    public SearchTriggers(IEnumerable<ISearchSource> sources)
    {
        byType = sources.SelectMany(s => s.Triggers).GroupBy(t => t.EntityType).ToDictionary(g => g.Key, g => g.ToList());
    }

    public IEnumerable<(string Kind, Guid Id)> Touches(object entity) =>
        byType.TryGetValue(entity.GetType(), out var triggers) ? triggers.SelectMany(t => t.Touches(entity)) : [];
}

/// <summary>
/// Adds change-log rows for every added, modified or deleted entity that some search source follows, before
/// SaveChanges writes: the rows commit (or roll back) with the change.
/// </summary>
public sealed class SearchChangeInterceptor(SearchTriggers triggers, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not AgoraDb db)
            return;
        if (db.ChangeTracker.AutoDetectChangesEnabled)
            db.ChangeTracker.DetectChanges();
        var touched = new HashSet<(string, Guid)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is SearchChange)
                continue;
            foreach (var t in triggers.Touches(entry.Entity))
                touched.Add(t);
        }
        if (touched.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, id) in touched)
            db.Add(new SearchChange { Kind = kind, EntityId = id, At = now });
    }
}

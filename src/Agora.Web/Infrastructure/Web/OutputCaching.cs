using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Anonymous readers of the busiest public pages get a copy kept in memory for a few seconds; any write to public
/// content evicts it at once (after the commit), so a vote or a comment shows up on the next read.
/// Signed-in people, requests carrying a flash message and responses that set a cookie or carry an antiforgery token
/// never touch the cache. <c>Agora:OutputCache:Enabled=false</c> switches it all off (the benchmark measures uncached pages).
/// With several nodes on PostgreSQL, <see cref="PeerEviction"/> carries each eviction to the other nodes.
/// </summary>
public static class OutputCaching
{
    /// <summary>Every cached page carries this tag; every write to public content evicts it.</summary>
    public const string ContentTag = "content";

    public static bool Enabled(IConfiguration config) => config.GetValue("Agora:OutputCache:Enabled", true);

    public static WebApplicationBuilder AddAgoraOutputCache(this WebApplicationBuilder builder, bool isCommand)
    {
        if (!Enabled(builder.Configuration))
            return builder;
        // Each node keeps its own copies; its writes evict them at once, and on PostgreSQL tell the other nodes to evict
        // theirs (PeerEviction). The short life is a safety net for a node that lost that channel.
        if (!isCommand)
            PeerEviction.Add(builder);
        var policies = new OutputCachePolicies(TimeSpan.FromSeconds(builder.Configuration.GetValue("Agora:OutputCache:Seconds", 20)));
        builder.Services.AddSingleton(policies);
        builder.Services.AddOutputCache(o =>
        {
            o.DefaultExpirationTimeSpan = policies.Lifetime;
            // /processes/ABC may be a 404 where /processes/abc is a page: never answer one with the other's copy.
            o.UseCaseSensitivePaths = true;
        });
        // Stores through a guard: a copy rendered before an eviction is dropped, even when the eviction came mid-write.
        var memory = builder.Services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        builder.Services.Remove(memory);
        builder.Services.AddSingleton<IOutputCacheStore>(sp => new GuardedOutputCacheStore(
            memory.ImplementationInstance as IOutputCacheStore
                ?? memory.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, memory.ImplementationType!),
            policies.Generation, sp.GetRequiredService<IHttpContextAccessor>()));
        builder.Services.AddSingleton<IInterceptor, OutputCacheEviction>();
        // The pages each module registered with AddCachedPage.
        builder.Services.AddOptions<RazorPagesOptions>().Configure<IEnumerable<CachedPage>>((o, pages) =>
        {
            foreach (var (page, tags) in pages)
            {
                var policy = policies.For(tags);
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(policy));
            }
        });
        return builder;
    }

    /// <summary>
    /// Caches a module's busy public page (its path under /Features, e.g. "/Proposals/Index") for anonymous readers;
    /// <paramref name="tags"/> are the modules whose writes it shows. Today every write to public content also evicts
    /// <see cref="ContentTag"/>, i.e. every cached page (coarse, and correct whatever a page shows); the module tags let
    /// a later change evict less once each page's dependencies are audited.
    /// </summary>
    public static IServiceCollection AddCachedPage(this IServiceCollection services, string page, params string[] tags) =>
        services.AddSingleton(new CachedPage(page, tags));

    /// <summary>Caches a group's anonymous GETs (the open-data API) when output caching is on; otherwise nothing.</summary>
    public static TBuilder CacheAnonymousReads<TBuilder>(this TBuilder endpoints, IServiceProvider services, params string[] tags)
        where TBuilder : IEndpointConventionBuilder
    {
        if (services.GetService<OutputCachePolicies>() is { } policies)
            endpoints.CacheOutput(policies.For(tags));
        return endpoints;
    }

    /// <summary>After authentication (it must know who is signed in) and localization (the key follows the language).</summary>
    public static WebApplication UseAgoraOutputCache(this WebApplication app)
    {
        if (Enabled(app.Configuration))
            app.UseOutputCache();
        return app;
    }
}

/// <summary>A page cached for anonymous readers (<see cref="OutputCaching.AddCachedPage"/>).</summary>
public sealed record CachedPage(string Page, string[] Tags);

/// <summary>Makes the policy of each cached endpoint: the shared lifetime and eviction count, its own tags.</summary>
public sealed class OutputCachePolicies(TimeSpan lifetime)
{
    public TimeSpan Lifetime => lifetime;
    public CacheGeneration Generation { get; } = new();

    public IOutputCachePolicy For(string[] tags) => new AnonymousPagePolicy([OutputCaching.ContentTag, .. tags], lifetime, Generation);
}

/// <summary>
/// Counts evictions. A response rendered while an eviction happened may hold what was read before the write,
/// so it is not stored: a slow read cannot put stale counts back into the cache after a vote.
/// </summary>
public sealed class CacheGeneration
{
    private long value;

    /// <summary>Held while storing a copy and while evicting, so neither can slip between the other's check and act.</summary>
    public Lock Gate { get; } = new();

    public long Current => Interlocked.Read(ref value);

    public void Advance() => Interlocked.Increment(ref value);
}

/// <summary>
/// The in-memory store, refusing a copy whose request began before the latest eviction: it may show what was read
/// before the write that caused it. Check and store happen under the same lock as advance and evict.
/// </summary>
public sealed class GuardedOutputCacheStore(IOutputCacheStore inner, CacheGeneration generation, IHttpContextAccessor requests)
    : IOutputCacheStore
{
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var started = requests.HttpContext?.Items[AnonymousPagePolicy.GenerationKey] as long?;
        lock (generation.Gate)
        {
            if (started != null && started != generation.Current)
                return ValueTask.CompletedTask;
            Wait(inner.SetAsync(key, value, tags, validFor, cancellationToken));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (generation.Gate)
        {
            generation.Advance();
            Wait(inner.EvictByTagAsync(tag, cancellationToken));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The in-memory store completes at once; waiting only matters for a store that does not.</summary>
    private static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
            pending.AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>The default output-cache rules plus what Agora's pages need: language, flash messages, antiforgery.</summary>
public sealed class AnonymousPagePolicy(string[] tags, TimeSpan lifetime, CacheGeneration generation) : IOutputCachePolicy
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    /// <summary>HttpContext.Items key of the eviction count when the request began.</summary>
    public static readonly object GenerationKey = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true
            // The layout shows (and so consumes) a flash message only when its cookie came along.
            && !request.Cookies.ContainsKey(TempDataCookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        // ?culture=, the culture cookie and Accept-Language all end up here (UseRequestLocalization ran before).
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        foreach (var tag in tags)
            context.Tags.Add(tag);
        http.Items[GenerationKey] = generation.Current;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            // An antiforgery token marks its response no-store: it is bound to one reader's cookie.
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || http.Items[GenerationKey] is not long started || started != generation.Current)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Evicts cached pages when public content changes: tracked changes at SaveChanges, and ExecuteUpdate/ExecuteDelete
/// (which bypass change tracking) by the tables their SQL writes. Inside a transaction the eviction is repeated after
/// the commit, so a read between the write and the commit cannot keep the old content.
/// </summary>
public sealed class OutputCacheEviction(IOutputCacheStore store, PeerEviction? peers = null)
    : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>Bookkeeping rows that no public page shows: writing them evicts nothing. A module marks its own with
    /// <see cref="IBookkeepingRow"/> (the search change log).</summary>
    private static readonly HashSet<Type> Ignored =
        [typeof(OutboxMessage), typeof(DataProtectionKey), typeof(AuditEntry)];

    private static bool IsIgnored(Type type) => Ignored.Contains(type) || typeof(IBookkeepingRow).IsAssignableFrom(type);

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> saving = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> uncommitted = new();

    /// <summary>"Agora.Web.Features.Proposals.Proposal" → "proposals"; anything outside a feature → "site".</summary>
    public static string ModuleTag(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        var i = Array.IndexOf(parts, "Features");
        return i >= 0 && i + 1 < parts.Length ? parts[i + 1].ToLowerInvariant() : "site";
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Written(eventData.Context, Take(saving, eventData.Context));
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Written(eventData.Context, Take(saving, eventData.Context));
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Take(saving, eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(saving, eventData.Context);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Written(eventData.Context, TablesWritten(eventData.Context, command.CommandText));
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Written(eventData.Context, TablesWritten(eventData.Context, command.CommandText));
        return ValueTask.FromResult(result);
    }

    /// <summary>An UPDATE … RETURNING (a support's count) runs as a reader.</summary>
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Written(eventData.Context, TablesWritten(eventData.Context, command.CommandText));
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Written(eventData.Context, TablesWritten(eventData.Context, command.CommandText));
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Evict(Take(uncommitted, eventData.Context));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Evict(Take(uncommitted, eventData.Context));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(uncommitted, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(uncommitted, eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AgoraDb db)
            return;
        if (db.ChangeTracker.AutoDetectChangesEnabled)
            db.ChangeTracker.DetectChanges();
        HashSet<string>? tags = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsIgnored(entry.Metadata.ClrType))
                continue;
            tags ??= [];
            tags.Add(ModuleTag(entry.Metadata.ClrType));
        }
        if (tags != null)
            lock (saving)
                saving.AddOrUpdate(db, tags);
    }

    /// <summary>The module tags of the tables a raw write names (<see cref="WrittenTables"/>).</summary>
    private static HashSet<string>? TablesWritten(DbContext? context, string sql)
    {
        if (context is not AgoraDb)
            return null;
        HashSet<string>? tags = null;
        foreach (var type in WrittenTables.Named(context, sql) ?? [])
            if (!IsIgnored(type))
                (tags ??= []).Add(ModuleTag(type));
        return tags;
    }

    private void Written(DbContext? context, HashSet<string>? tags)
    {
        if (tags == null || context == null)
            return;
        Evict(tags);
        if (context.Database.CurrentTransaction != null)
            lock (uncommitted)
            {
                if (uncommitted.TryGetValue(context, out var pending))
                    pending.UnionWith(tags);
                else
                    uncommitted.Add(context, [.. tags]);
            }
    }

    private static HashSet<string>? Take(ConditionalWeakTable<DbContext, HashSet<string>> table, DbContext? context)
    {
        if (context == null)
            return null;
        lock (table)
        {
            if (!table.TryGetValue(context, out var tags))
                return null;
            table.Remove(context);
            return tags;
        }
    }

    private void Evict(HashSet<string>? tags)
    {
        if (tags == null)
            return;
        Evict(OutputCaching.ContentTag);
        foreach (var tag in tags)
            Evict(tag);
        peers?.Written();
    }

    private void Evict(string tag)
    {
        // The guarded store evicts synchronously (and advances the generation).
        var pending = store.EvictByTagAsync(tag, default);
        if (!pending.IsCompletedSuccessfully)
            pending.AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>A row no public page shows (a log, a queue): writing it leaves the cached pages as they are.</summary>
public interface IBookkeepingRow;

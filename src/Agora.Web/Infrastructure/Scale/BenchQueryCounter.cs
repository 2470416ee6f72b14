using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Infrastructure.Scale;

/// <summary>
/// Counts the SQL commands each request sends and reports them in the <c>X-Sql-Queries</c> response header, for the
/// benchmark's "queries per request". Only registered when <c>Agora:Bench:CountQueries</c> is true — never by default,
/// since the header tells outsiders about the server's internals.
/// </summary>
public sealed class BenchQueryCounter : DbCommandInterceptor
{
    public const string Header = "X-Sql-Queries";

    private static readonly AsyncLocal<StrongBox> Current = new();

    private sealed class StrongBox
    {
        public int Count;
    }

    private static void Count()
    {
        if (Current.Value is { } box)
            Interlocked.Increment(ref box.Count);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    /// <summary>First in the pipeline, so queries made by authentication and by error pages count too.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var box = new StrongBox();
                Current.Value = box;
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[Header] = Volatile.Read(ref box.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

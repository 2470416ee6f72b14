using Agora.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests;

/// <summary>Background imports in tests: the job an upload queued, run now (or waited for, if the worker took it).</summary>
public static class Imports
{
    /// <summary>The job an upload redirected to (/imports/{id}).</summary>
    public static Guid ImportJobId(this HttpResponseMessage response)
    {
        var location = response.Location();
        Assert.StartsWith("/imports/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/imports/".Length..]);
    }

    /// <summary>Runs queued jobs in the test until this one has finished; returns it as stored.</summary>
    public static async Task<ImportJob> RunImportAsync(this AgoraFactory f, Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var status = "not read";
        while (true)
        {
            try
            {
                await f.InScopeAsync(sp => sp.GetRequiredService<ImportRunner>().RunNextAsync(CancellationToken.None));
                var job = await f.DbAsync(db => db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId));
                if (job.Finished)
                    return job;
                status = job.Status.ToString();
            }
            catch (System.Data.Common.DbException)
            {
                // The app's own worker is writing the job (an in-memory SQLite database answers "locked" at once): look again.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"import {jobId} is still {status}");
            await Task.Delay(50);
        }
    }
}

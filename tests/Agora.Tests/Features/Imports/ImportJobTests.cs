using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Imports;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Imports;

/// <summary>No worker (the tests run the jobs themselves, so "queued" can be seen) and a small upload limit.</summary>
public sealed class ImportsFactory : AgoraFactory
{
    public const int MaxFileBytes = 2048;

    public ImportsFactory()
    {
        Settings["Agora:Imports:WorkerEnabled"] = "false";
        Settings["Agora:Imports:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Agora:OpinionMap:WorkerEnabled"] = "false";
    }
}

/// <summary>
/// Imports run as background jobs: the upload is stored and queued, its page shows it queued, then running, then the
/// result (lines read, added, refused with their numbers and reasons); an oversize file is refused; one worker takes a job.
/// </summary>
public sealed class ImportJobTests(ImportsFactory f) : IClassFixture<ImportsFactory>
{
    private static string NewIdentifier() => "99" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> UploadCensusAsync(HttpClient admin, string csv)
    {
        var html = await admin.HtmlAsync("/admin/census");
        using var content = new MultipartFormDataContent { { new StringContent(Http.Token(html)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "CensusFile", "census.csv");
        return await admin.PostAsync("/admin/census?handler=import", content);
    }

    private static async Task<HttpResponseMessage> UploadPolisAsync(HttpClient client, Process p, string comments, string votes)
    {
        var listUrl = $"/processes/{p.Slug}/conversations";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Http.Token(await client.HtmlAsync(listUrl))), "__RequestVerificationToken" },
            { new StringContent("Внесен разговор"), "Import.TopicBg" },
            { new StringContent("Imported conversation"), "Import.TopicEn" },
        };
        var c = new StringContent(comments);
        c.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(c, "Import.Comments", "comments.csv");
        var v = new StringContent(votes);
        v.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(v, "Import.Votes", "votes.csv");
        return await client.PostAsync(listUrl + "?handler=Import", form);
    }

    [Fact]
    public async Task Census_Upload_IsQueued_ThenShowsTheResult_WithRefusedLineNumbers()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var (a, b) = (NewIdentifier(), NewIdentifier());
        var r = await UploadCensusAsync(client,
            $"identifier;birth_date;district\n{a};1980-02-03;Средец\nbad;1990-01-01;lozenets\n{b};1990-01-01;lozenets\n{NewIdentifier()};1990-13-01;lozenets\n{NewIdentifier()};1990-01-01;atlantis\n");
        // The upload answers at once with the job's page; nothing is imported yet.
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = r.ImportJobId();
        var queued = await client.HtmlAsync($"/imports/{id}");
        Assert.Contains("Чака реда си.", queued, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", queued, StringComparison.Ordinal);
        var hash = await f.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<VerificationService>().Hash(a)));
        Assert.False(await f.DbAsync(db => db.Set<CensusRecord>().AnyAsync(c => c.IdentifierHash == hash)));
        Assert.Contains($"/imports/{id}", await client.HtmlAsync("/admin/census"), StringComparison.Ordinal);

        var job = await f.RunImportAsync(id);
        Assert.Equal((ImportStatus.Succeeded, 5, 2, 0, 3), (job.Status, job.RowsRead, job.RowsAdded, job.RowsUpdated, job.RowsRefused));
        var html = await client.HtmlAsync($"/imports/{id}");
        Assert.Contains("Внасянето завърши.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Прочетени редове</dt><dd>5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>census.csv</td><td>3</td><td>Липсва валиден идентификатор (ЕГН, ЛНЧ или хеш).</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>census.csv</td><td>5</td><td>Датата на раждане не е във вида ГГГГ-ММ-ДД.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>census.csv</td><td>6</td><td>Непознат район.</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(a, html, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<CensusRecord>().AnyAsync(c => c.IdentifierHash == hash)));

        // In English too; audited from queue to result; the upload itself is not kept.
        var en = await (await f.SignedInAsync(admin, "en")).HtmlAsync($"/imports/{id}");
        Assert.Contains("The import is complete.", en, StringComparison.Ordinal);
        Assert.Contains("Unknown district.", en, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "import.queue" && e.TargetId == id.ToString() && e.ActorId == admin.Id)));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "import.done" && e.TargetId == id.ToString())));
        Assert.False(await f.DbAsync(db => db.Set<ImportFile>().AnyAsync(x => x.JobId == id)));
    }

    [Fact]
    public async Task Census_OversizeUpload_IsRefusedWithAMessage_AndQueuesNothing()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true), "en");
        var before = await f.DbAsync(db => db.Set<ImportJob>().CountAsync());
        var big = "identifier;birth_date;district\n" + string.Concat(Enumerable.Repeat($"{NewIdentifier()};1980-02-03;lozenets\n", 200));
        var r = await UploadCensusAsync(client, big);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("The file is too large (up to 2 KB).", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await f.DbAsync(db => db.Set<ImportJob>().CountAsync()));
    }

    [Fact]
    public async Task Polis_Upload_RefusesLinesByNumber_ImportsTheRest()
    {
        var manager = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: manager);
        var client = await f.SignedInAsync(manager);
        var r = await UploadPolisAsync(client, p,
            "comment-id,author-id,moderated,comment-body\n1,1,1,Едно\n2,,1,Две\n2,,1,Пак две\n",
            "timestamp,comment-id,voter-id,vote\n1,1,1,1\n2,9,1,1\n3,2,2,-1\nx,y\n4,2,3,0\n");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = r.ImportJobId();
        Assert.Contains("Чака реда си.", await client.HtmlAsync($"/imports/{id}"), StringComparison.Ordinal);

        var job = await f.RunImportAsync(id);
        Assert.Equal((ImportStatus.Succeeded, 8, 3), (job.Status, job.RowsRead, job.RowsRefused));
        var html = await client.HtmlAsync($"/imports/{id}");
        Assert.Contains("<tr><td>comments.csv</td><td>4</td><td>Номерът на твърдението (comment-id) се повтаря.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>votes.csv</td><td>3</td><td>Гласът е за твърдение, което липсва в comments.csv.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>votes.csv</td><td>5</td><td>Редът не може да бъде прочетен.</td>", html, StringComparison.Ordinal);

        var c = await f.DbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.ProcessId == p.Id));
        Assert.Equal((3, 3), (c.VoteCount, c.ParticipantCount));
        Assert.Contains($"/processes/{p.Slug}/conversations/{c.Id}/manage", html, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "conversation.import" && e.TargetId == c.Id.ToString() && e.ActorId == manager.Id)));
        // Someone else cannot see the job.
        var other = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/imports/{id}")).StatusCode);
    }

    [Fact]
    public async Task Polis_OversizeFile_IsRefused()
    {
        var manager = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: manager);
        var client = await f.SignedInAsync(manager);
        var votes = "timestamp,comment-id,voter-id,vote\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"{i},1,{i},1\n"));
        var r = await UploadPolisAsync(client, p, "comment-id,author-id,moderated,comment-body\n1,1,1,Едно\n", votes);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Файлът е твърде голям", await r.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<ImportJob>().AnyAsync(j => j.Title == "Внесен разговор" && j.CreatedById == manager.Id)));
    }

    [Fact]
    public async Task Claim_AJobAnotherWorkerHolds_IsLeft_UntilItsClaimLapses()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var r = await UploadCensusAsync(client, $"identifier;birth_date;district\n{NewIdentifier()};1980-02-03;lozenets\n");
        var id = r.ImportJobId();
        // Another node claimed it and is alive: this node leaves it (and runs nothing else meanwhile).
        await f.DbAsync(db => db.Set<ImportJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.ClaimedBy, Guid.NewGuid())
            .SetProperty(j => j.ClaimedUntil, DateTime.UtcNow.AddMinutes(10)).SetProperty(j => j.Attempts, 1)));
        var ran = await f.InScopeAsync(sp => sp.GetRequiredService<ImportRunner>().RunNextAsync(CancellationToken.None));
        Assert.Null(ran);
        Assert.Equal(ImportStatus.Running, await f.DbAsync(db => db.Set<ImportJob>().Where(j => j.Id == id).Select(j => j.Status).SingleAsync()));

        // That node died: once its claim lapses the job is taken again and finishes.
        await f.DbAsync(db => db.Set<ImportJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, DateTime.UtcNow.AddMinutes(-1))));
        var job = await f.RunImportAsync(id);
        Assert.Equal((ImportStatus.Succeeded, 1, 2), (job.Status, job.RowsRead, job.Attempts));
    }
}

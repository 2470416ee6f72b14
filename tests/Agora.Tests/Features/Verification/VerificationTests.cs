using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Verification;

/// <summary>Census import, self-verification, the officer's in-person verification and revocation, and their audit.</summary>
public sealed class VerificationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>A fresh fake identifier per test (month 99 makes it an impossible ЕГН), so tests sharing the app don't collide.</summary>
    private static string NewIdentifier() => "99" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Uploads the file, runs its import job and returns the job's page.</summary>
    private async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string csv)
    {
        var queued = await UploadAsync(admin, csv);
        var job = await f.RunImportAsync(queued.ImportJobId());
        Assert.Equal(Agora.Web.Features.Imports.ImportStatus.Succeeded, job.Status);
        return await admin.GetAsync($"/imports/{job.Id}");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string csv)
    {
        var html = await admin.HtmlAsync("/admin/census");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Http.Token(html)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "CensusFile", "census.csv");
        return await admin.PostAsync("/admin/census?handler=import", content);
    }

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string identifier, string birth) =>
        client.PostFormAsync("/verification", new Dictionary<string, string> { ["Input.Identifier"] = identifier, ["Input.BirthDate"] = birth });

    private async Task<HttpClient> AdminAsync() => await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));

    [Fact]
    public async Task Import_StoresOnlyKeyedHashes_AndAPersonVerifies()
    {
        var id = NewIdentifier();
        var other = NewIdentifier();
        var admin = await AdminAsync();
        var r = await ImportAsync(admin, $"identifier;birth_date;district\n{id};1980-02-03;Средец\n{other};1990-01-01;lozenets\nbad;1990-01-01;lozenets\n");
        var html = await r.TextAsync();
        Assert.Contains("<dt>Добавени</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Обновени</dt><dd>0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Отхвърлени редове</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, html, StringComparison.Ordinal);

        // The database holds no identifier in clear, anywhere it might leak: the census, verifications, the audit log.
        var hash = await f.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<VerificationService>().Hash(id)));
        var stored = await f.DbAsync(db => db.Set<CensusRecord>().SingleAsync(c => c.IdentifierHash == hash));
        Assert.Equal("sredets", stored.District);
        Assert.Equal(64, stored.IdentifierHash.Length);
        Assert.False(await f.DbAsync(db => db.Set<CensusRecord>().AnyAsync(c => c.IdentifierHash.Contains(id))));
        Assert.False(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Details.Contains(id) || a.TargetId.Contains(id))));

        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        r = await VerifyAsync(client, id, "1980-02-03");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var page = await client.HtmlAsync("/verification");
        Assert.Contains("Проверен жител на район Средец", page, StringComparison.Ordinal);
        var v = await f.DbAsync(db => db.Set<ResidentVerification>().SingleAsync(x => x.UserId == person.Id));
        Assert.Equal((CensusMethod.MethodKey, "sredets", stored.Id), (v.Method, v.District, v.CensusRecordId!.Value));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "verification.self" && a.TargetId == person.Id.ToString())));
        Assert.False(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Details.Contains(id))));

        // The same census record cannot verify a second account.
        var second = await f.SignedInAsync(await f.PersonAsync());
        r = await VerifyAsync(second, id, "1980-02-03");
        Assert.Contains("вече потвърдиха друг профил", await r.TextAsync(), StringComparison.Ordinal);

        // Re-importing updates instead of duplicating; a pre-hashed identifier is accepted too.
        r = await ImportAsync(admin, $"identifier_hash,birth_date,district\n{hash},1980-02-03,oborishte\n");
        html = await r.TextAsync();
        Assert.Contains("<dt>Добавени</dt><dd>0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Обновени</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Equal("oborishte", await f.DbAsync(db => db.Set<CensusRecord>().Where(c => c.IdentifierHash == hash).Select(c => c.District).SingleAsync()));
    }

    [Fact]
    public async Task WrongDetails_AreRefused_WithoutEchoingTheIdentifier()
    {
        var id = NewIdentifier();
        await ImportAsync(await AdminAsync(), $"identifier,birth_date,district\n{id},1975-05-05,izgrev\n");
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await VerifyAsync(client, id, "1975-05-06");
        var html = await r.TextAsync();
        Assert.Contains("не съвпадат", html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        r = await VerifyAsync(client, "12345", "1975-05-05");
        Assert.Contains("десет цифри", await r.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_VerifiesInPerson_AndRevokes_BothAudited()
    {
        var officer = await f.PersonAsync(role: Roles.Officer, twoFactor: true);
        var client = await f.SignedInAsync(officer);
        var person = await f.PersonAsync();
        var r = await client.PostFormAsync("/verification/officer", new Dictionary<string, string> { ["Input.Email"] = person.Email!, ["Input.District"] = "lyulin" }, "/verification/officer?handler=verify");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var v = await f.DbAsync(db => db.Set<ResidentVerification>().SingleAsync(x => x.UserId == person.Id));
        Assert.Equal((InPersonMethod.MethodKey, "lyulin", officer.Id), (v.Method, v.District, v.VerifiedById!.Value));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "verification.grant" && a.ActorId == officer.Id && a.TargetId == person.Id.ToString())));

        r = await client.PostFormAsync("/verification/officer", new Dictionary<string, string> { ["Input.Email"] = person.Email!, ["Input.Reason"] = "" }, "/verification/officer?handler=revoke");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<ResidentVerification>().AnyAsync(x => x.UserId == person.Id)));
        r = await client.PostFormAsync("/verification/officer", new Dictionary<string, string> { ["Input.Email"] = person.Email!, ["Input.Reason"] = "Грешен адрес" }, "/verification/officer?handler=revoke");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.False(await f.DbAsync(db => db.Set<ResidentVerification>().AnyAsync(x => x.UserId == person.Id)));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "verification.revoke" && a.Details.Contains("Грешен адрес"))));
    }

    [Fact]
    public async Task OnlyOfficersAndAdministrators_VerifyOthers_OnlyAdministrators_Import()
    {
        var target = await f.PersonAsync();
        var form = new Dictionary<string, string> { ["Input.Email"] = target.Email!, ["Input.District"] = "lyulin" };
        var person = await f.SignedInAsync(await f.PersonAsync());
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        foreach (var outsider in new[] { person, moderator })
        {
            var r = await outsider.PostFormAsync("/verification", form, "/verification/officer?handler=verify");
            Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.OrdinalIgnoreCase);
        }
        var officer = await f.SignedInAsync(await f.PersonAsync(role: Roles.Officer));
        Assert.StartsWith("/account/access-denied", (await officer.GetAsync("/admin/census")).Location(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await f.DbAsync(db => db.Set<ResidentVerification>().AnyAsync(x => x.UserId == target.Id)));
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync("/verification")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requirements_ArePerAction_AndTheVoteIsLocked()
    {
        var admin = await AdminAsync();
        var html = await admin.HtmlAsync("/admin/census");
        Assert.Contains("Гласуване в бюджет с участие", html, StringComparison.Ordinal);
        var r = await admin.PostFormAsync("/admin/census", new Dictionary<string, string> { ["action"] = "budgets.vote", ["required"] = "false" }, "/admin/census?handler=requirement");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        r = await admin.PostFormAsync("/admin/census", new Dictionary<string, string> { ["action"] = "budgets.submit", ["required"] = "true" }, "/admin/census?handler=requirement");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await f.InScopeAsync(async sp =>
        {
            var v = sp.GetRequiredService<VerificationService>();
            Assert.True(await v.IsRequiredAsync("budgets.submit", CancellationToken.None));
            Assert.Equal("Verification.Refused.NotVerified", await v.CheckAsync(Guid.NewGuid(), "budgets.submit", null, CancellationToken.None));
            Assert.Null(await v.CheckAsync(null, "comments.create", null, CancellationToken.None));
        });
        await admin.PostFormAsync("/admin/census", new Dictionary<string, string> { ["action"] = "budgets.submit", ["required"] = "false" }, "/admin/census?handler=requirement");
        Assert.Equal(2, await f.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "verification.requirement")));
    }
}

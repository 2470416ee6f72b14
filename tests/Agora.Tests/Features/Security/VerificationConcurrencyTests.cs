using System.Globalization;
using System.Net;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Security;

/// <summary>Many people verifying at the same moment: each gets a proper answer, none an unexplained 400 or 500.</summary>
public sealed class VerificationConcurrencyTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>50 by default; AGORA_TEST_VERIFY_PEOPLE raises it for a heavier run.</summary>
    private static int People => int.TryParse(Environment.GetEnvironmentVariable("AGORA_TEST_VERIFY_PEOPLE"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 50;

    private static string NewIdentifier() => "99" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task CensusAsync(params string[] identifiers) =>
        await f.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<VerificationService>();
            var db = sp.GetRequiredService<AgoraDb>();
            foreach (var id in identifiers)
                db.Add(new CensusRecord { IdentifierHash = service.Hash(id), BirthDate = new DateOnly(1980, 2, 3), District = "sredets", ImportedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

    /// <summary>Signed-in clients, each with the verification form's token, ready to post at once.</summary>
    private async Task<List<(Guid User, HttpClient Client, string Token)>> ReadyAsync(int count)
    {
        var ready = new List<(Guid, HttpClient, string)>();
        for (var i = 0; i < count; i++)
        {
            var person = await f.PersonAsync();
            var client = await f.SignedInAsync(person);
            ready.Add((person.Id, client, Http.Token(await client.HtmlAsync("/verification"))));
        }
        return ready;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string identifier) =>
        client.PostAsync("/verification", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Identifier"] = identifier,
            ["Input.BirthDate"] = "1980-02-03",
        }));

    [Fact]
    public async Task Simultaneous_verifications_of_different_people_all_succeed()
    {
        var identifiers = Enumerable.Range(0, People).Select(_ => NewIdentifier()).Distinct().ToList();
        await CensusAsync([.. identifiers]);
        var ready = await ReadyAsync(identifiers.Count);

        using var start = new SemaphoreSlim(0);
        var posts = ready.Select(async (r, i) =>
        {
            await start.WaitAsync();
            var response = await PostAsync(r.Client, r.Token, identifiers[i]);
            return (response.StatusCode, Body: response.StatusCode == HttpStatusCode.Redirect ? "" : await response.TextAsync());
        }).ToList();
        start.Release(posts.Count);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Redirect, $"{(int)a.StatusCode}: {a.Body[..Math.Min(a.Body.Length, 400)]}"));
        var ids = ready.Select(r => r.User).ToList();
        Assert.Equal(ready.Count, await f.DbAsync(db => db.Set<ResidentVerification>().CountAsync(v => ids.Contains(v.UserId))));
    }

    [Fact]
    public async Task Simultaneous_verifications_with_one_census_record_verify_one_person_and_tell_the_others_why()
    {
        var identifier = NewIdentifier();
        await CensusAsync(identifier);
        var ready = await ReadyAsync(20);

        using var start = new SemaphoreSlim(0);
        var posts = ready.Select(async r =>
        {
            await start.WaitAsync();
            var response = await PostAsync(r.Client, r.Token, identifier);
            return (response.StatusCode, Body: response.StatusCode == HttpStatusCode.Redirect ? "" : await response.TextAsync());
        }).ToList();
        start.Release(posts.Count);
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Contains("вече потвърдиха друг профил", a.Body, StringComparison.Ordinal);
        });
        var ids = ready.Select(r => r.User).ToList();
        Assert.Equal(1, await f.DbAsync(db => db.Set<ResidentVerification>().CountAsync(v => ids.Contains(v.UserId))));
    }
}

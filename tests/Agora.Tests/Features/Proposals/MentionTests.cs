using Agora.Web.Features.Organizations;

namespace Agora.Tests.Features.Proposals;

public sealed class MentionTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Comment_MentionsListedOrganisation_LinksIt_LeavesEmailsAndUnknownAlone()
    {
        var slug = "org-" + Guid.NewGuid().ToString("N")[..8];
        await f.DbAsync(async db =>
        {
            db.Add(new Organization { Slug = slug, Name = new("Сдружение Тест", "Test Association"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.TargetType"] = "proposal",
            ["Input.TargetId"] = p.Id.ToString(),
            ["Input.Stance"] = "Neutral",
            ["Input.Body"] = $"Питайте @{slug} или пишете на info@{slug}.bg, не на @nobody-here.",
        }, "/comments/new");
        var page = await f.Browser().HtmlAsync(url);
        Assert.Contains($"<a href=\"/organizations/{slug}\" rel=\"nofollow noopener\">@Сдружение Тест</a>", page, StringComparison.Ordinal);
        Assert.Contains($"info@{slug}.bg", page, StringComparison.Ordinal);
        Assert.Contains("@nobody-here", page, StringComparison.Ordinal);
    }
}

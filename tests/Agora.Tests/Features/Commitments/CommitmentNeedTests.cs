using System.Net;
using Agora.Tests.Features.Organizations;
using Agora.Web.Features.Commitments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Commitments;

/// <summary>The app with a needs module standing in for the real one, which the lead wires after merging.</summary>
public sealed class NeedsFactory : AgoraFactory
{
    public static readonly Guid DataNeed = new("0d0e0e0d-0000-4000-8000-000000000001");

    private sealed class FakeNeeds : ICommitmentNeedSource
    {
        public Task<IReadOnlyList<(Guid Id, string Title)>> NeedsAsync(Guid processId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<(Guid Id, string Title)>>([(DataNeed, "Достъп до отворени данни")]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddScoped<ICommitmentNeedSource, FakeNeeds>());
    }
}

public sealed class CommitmentNeedTests(NeedsFactory f) : IClassFixture<NeedsFactory>
{
    [Fact]
    public async Task WithNeeds_PickerShownUnknownNeedRefusedKnownNeedShown()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(org, rep);
        var client = await f.SignedInAsync(rep);
        var url = CommitmentTestData.Url(process) + "/new";
        Assert.Contains("name=\"Input.Need\"", await client.HtmlAsync(url), StringComparison.Ordinal);

        var fields = CommitmentTestData.Pledge(org.Id.ToString(), "Ангажимент за нужда");
        fields["Input.Need"] = Guid.NewGuid().ToString();
        var refused = await client.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await refused.TextAsync(), StringComparison.Ordinal);

        fields["Input.Need"] = NeedsFactory.DataNeed.ToString();
        var response = await client.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(NeedsFactory.DataNeed, await f.DbAsync(db => db.Set<Commitment>().Where(c => c.ProcessId == process.Id).Select(c => c.NeedId).SingleAsync()));
        Assert.Contains("Достъп до отворени данни", await f.Browser().HtmlAsync(response.Location()), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Maturity;

public sealed class MaturityDemoTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Demo_RunTwice_TwoPublishedRoundsFromFourteenOrganisationsAndTheMunicipality()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(2, await f.DbAsync(db => db.Set<MaturityRound>().CountAsync()));
        var url = $"/processes/{ProcessesDemo.IccSlug}/maturity";
        var json = JsonDocument.Parse(await f.Browser().GetStringAsync($"{url}/{MaturityDemo.BaselineSlug}/report.json")).RootElement;
        Assert.Equal(17, json.GetProperty("assessors").GetInt32());
        Assert.Equal(8, json.GetProperty("assessorsByGroup").GetProperty("municipality").GetInt32()); // 5 public bodies + 3 officials
        Assert.Equal(8, json.GetProperty("dimensions").GetArrayLength());

        var report = await f.Browser().HtmlAsync($"{url}/{MaturityDemo.SecondSlug}/report");
        Assert.Contains("Промяна спрямо „Изходна оценка", report, StringComparison.Ordinal);
        Assert.Contains("Препоръки", report, StringComparison.Ordinal);
        var en = await f.Browser("en").HtmlAsync($"{url}/{MaturityDemo.SecondSlug}/report");
        Assert.Contains("Change since \"Baseline", en, StringComparison.Ordinal);
        var second = JsonDocument.Parse(await f.Browser().GetStringAsync($"{url}/{MaturityDemo.SecondSlug}/report.json")).RootElement;
        Assert.Contains(second.GetProperty("dimensions").EnumerateArray(), d => d.GetProperty("change").GetProperty("change").GetDouble() > 0);
    }
}

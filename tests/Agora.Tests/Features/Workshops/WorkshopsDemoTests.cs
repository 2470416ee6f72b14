using System.Text.Json;
using Agora.Web.Features.Events;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Workshops;

public sealed class WorkshopsDemoTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Demo_RunTwice_NeedsAssessmentHasBoardFromSeveralOrganisationsAndRankedNeeds()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var board = await f.DbAsync(db => db.Set<SwotBoard>().SingleAsync(b => b.EventId == EventsDemo.NeedsAssessmentId));
        Assert.True(await f.DbAsync(db => db.Set<SwotContribution>().Where(c => db.Set<SwotItem>().Any(i => i.Id == c.ItemId && i.BoardId == board.Id))
            .Select(c => c.OrganizationId).Distinct().CountAsync()) >= 3);
        Assert.Equal(5, await f.DbAsync(db => db.Set<Need>().CountAsync()));

        var page = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/swot/{board.Id}");
        Assert.Contains("Силна ИТ общност", page, StringComparison.Ordinal);
        Assert.Contains("Българска асоциация по информационни технологии", page, StringComparison.Ordinal);

        var json = JsonDocument.Parse(await f.Browser().GetStringAsync($"/processes/{ProcessesDemo.IccSlug}/needs/ranking.json")).RootElement;
        Assert.Equal(10, json.GetProperty("participants").GetInt32());
        var scores = json.GetProperty("needs").EnumerateArray().Select(r => r.GetProperty("score").GetInt64()).ToList();
        Assert.Equal(5, scores.Count);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(json.GetProperty("participantsByKind").GetProperty("resident").GetInt32() >= 1);
    }
}

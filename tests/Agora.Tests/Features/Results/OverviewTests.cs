using System.Net;
using Agora.Web.Features.ResultTracking;

namespace Agora.Tests.Features.Results;

public sealed class ResultOverviewTests
{
    [Fact]
    public async Task Tracker_FiltersByDistrictStatusAndProcess_WithTotals_AndHidesDraftProcesses()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var one = await f.ResultProcessAsync();
        var two = await f.ResultProcessAsync();
        var draft = await f.ResultProcessAsync(published: false);
        await f.ResultAsync(one, author, ResultStatus.Completed, 100, "lozenets", 1000_00, 900_00, "Завършен в Лозенец");
        await f.ResultAsync(one, author, ResultStatus.InProgress, 40, "mladost", 2000_00, 500_00, "Текущ в Младост");
        await f.ResultAsync(two, author, ResultStatus.Planned, 0, null, 3000_00, 0, "Планиран за града");
        await f.ResultAsync(two, author, ResultStatus.Cancelled, 10, "lozenets", 500_00, 100_00, "Отменен в Лозенец");
        await f.ResultAsync(draft, author, ResultStatus.Planned, 0, "lozenets", 7000_00, 0, "Чернова");
        var client = f.Browser();

        var all = await client.HtmlAsync("/results");
        Assert.Contains("Намерени резултати: 4", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Чернова", all, StringComparison.Ordinal);
        Assert.Contains("Изразходвани 1 500 € от предвидени 6 500 € (23 %).", Spaces(all), StringComparison.Ordinal);
        Assert.Contains("<tr data-status=\"Completed\"><th scope=\"row\">Изпълнен</th><td>1</td></tr>", all, StringComparison.Ordinal);

        var lozenets = await client.HtmlAsync("/results?district=lozenets");
        Assert.Contains("Намерени резултати: 2", lozenets, StringComparison.Ordinal);
        Assert.Contains("Завършен в Лозенец", lozenets, StringComparison.Ordinal);
        Assert.DoesNotContain("Текущ в Младост", lozenets, StringComparison.Ordinal);

        var done = await client.HtmlAsync("/results?status=Completed");
        Assert.Contains("Намерени резултати: 1", done, StringComparison.Ordinal);
        Assert.DoesNotContain("Планиран за града", done, StringComparison.Ordinal);
        Assert.Contains("Изразходвани 900 € от предвидени 1 000 €", Spaces(done), StringComparison.Ordinal);

        var city = await client.HtmlAsync($"/results?district=city&process={two.Slug}");
        Assert.Contains("Намерени резултати: 1", city, StringComparison.Ordinal);
        Assert.Contains("Планиран за града", city, StringComparison.Ordinal);

        var tab = await client.HtmlAsync(ResultTestData.Url(one));
        Assert.Contains("Намерени резултати: 2", tab, StringComparison.Ordinal);
        Assert.DoesNotContain("Планиран за града", tab, StringComparison.Ordinal);

        // A draft process's tab and results stay hidden; a process without the component has no tab.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ResultTestData.Url(draft))).StatusCode);
        var off = await f.ProcessAsync(components: "proposals");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ResultTestData.Url(off))).StatusCode);
        // The API and the open-data file hold the same public results, and nothing of the draft process.
        var api = await client.GetStringAsync("/api/v1/results?district=lozenets&status=completed");
        Assert.Contains("\"Завършен в Лозенец\"", System.Text.RegularExpressions.Regex.Unescape(api), StringComparison.Ordinal);
        Assert.DoesNotContain("Отменен в Лозенец", System.Text.RegularExpressions.Regex.Unescape(api), StringComparison.Ordinal);
        var cancelled = await f.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<TrackedResult>(), r => r.Status == ResultStatus.Cancelled));
        var item = System.Text.RegularExpressions.Regex.Unescape(await client.GetStringAsync($"/api/v1/results/{cancelled.Id}"));
        Assert.Contains("\"cancelReason\":\"Няма средства.\"", item, StringComparison.Ordinal);
        Assert.Contains("\"milestones\":[]", item, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/results?status=nonsense")).StatusCode);
        var csv = await client.GetStringAsync("/open-data/results.csv");
        Assert.Contains("Завършен в Лозенец", csv, StringComparison.Ordinal);
        Assert.Contains(",1000,900,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Чернова", csv, StringComparison.Ordinal);

        // Unknown filter values are ignored.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/results?status=Nonsense&district=atlantis&process=nowhere")).StatusCode);
    }

    [Fact]
    public async Task Tracker_RunsTheSameNumberOfQueries_HoweverManyResults()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var one = await f.ResultProcessAsync();
        var two = await f.ResultProcessAsync();
        await f.ResultAsync(one, author);
        var client = f.Browser();
        await client.GetAsync("/results"); // warm up
        f.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/results")).StatusCode);
        var few = f.Queries.Count;
        for (var i = 0; i < 30; i++)
            await f.ResultAsync(i % 2 == 0 ? one : two, author, (ResultStatus)(i % 3), i % 3 == 1 ? 50 : i % 3 == 2 ? 100 : 0, i % 2 == 0 ? "lozenets" : null);
        f.Queries.Reset();
        var html = await client.HtmlAsync("/results");
        Assert.Equal(few, f.Queries.Count);
        Assert.Contains("page=2", html, StringComparison.Ordinal);

        await client.GetAsync(ResultTestData.Url(one));
        f.Queries.Reset();
        await client.GetAsync(ResultTestData.Url(one) + "?district=lozenets");
        var tab = f.Queries.Count;
        await f.ResultAsync(one, author, district: "lozenets");
        f.Queries.Reset();
        await client.GetAsync(ResultTestData.Url(one) + "?district=lozenets");
        Assert.Equal(tab, f.Queries.Count);
    }

    private static string Spaces(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}

public sealed class ResultDemoTests
{
    [Fact]
    public async Task Demo_TracksResultsAtEveryStage_WithMilestonesAndTimeline()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        await f.InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Agora.Web.Infrastructure.Demo.DemoSeed>(sp).RunAsync(CancellationToken.None));
        var client = f.Browser("en");
        var html = await client.HtmlAsync("/results?culture=en");
        // Four in the demo process, and the winner of the closed Средец participatory budget (planned).
        Assert.Contains("Results found: 5", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Planned</th><td>2</td>", html, StringComparison.Ordinal);
        foreach (var status in new[] { "In progress", "Completed", "Cancelled" })
            Assert.Contains($"<th scope=\"row\">{status}</th><td>1</td>", html, StringComparison.Ordinal);
        var budgetResult = await client.HtmlAsync($"/results/{Agora.Web.Features.ResultTracking.ResultsDemo.BudgetResultId}?culture=en");
        Assert.Contains("Winning participatory budget project", budgetResult, StringComparison.Ordinal);
        Assert.Contains("/processes/participatory-budget-2026/budgets/", budgetResult, StringComparison.Ordinal);
        Assert.Contains("Contract with a contractor", budgetResult, StringComparison.Ordinal);
        var details = await client.HtmlAsync("/results/5e5a17e0-0000-4000-8000-000000000001?culture=en");
        Assert.Contains("First 20 datasets published", details, StringComparison.Ordinal);
        Assert.Contains("The first 20 datasets have been published.", details, StringComparison.Ordinal);
        // It links to the need it comes from.
        Assert.Contains("Prioritised need", details, StringComparison.Ordinal);
        Assert.Contains("/results/5e5a17e0-0000-4000-8000-000000000001.atom?culture=en", details, StringComparison.Ordinal);

        // Atom feeds of the timelines, city-wide and per result.
        var all = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/results.atom?culture=en"));
        var atom = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom");
        Assert.Equal(8, all.Root!.Elements(atom + "entry").Count());
        var one = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/results/5e5a17e0-0000-4000-8000-000000000002.atom?culture=en"));
        var entries = one.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Element(atom + "summary")!.Value.Contains("New status: Completed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/results/{Guid.NewGuid()}.atom")).StatusCode);
    }
}

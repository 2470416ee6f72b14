using Agora.Web.Features.Budgets;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>The modules where residents decide and follow up: a maturity assessment and its report, verifying as a
/// resident and casting a budget ballot then finding a receipt, searching everything, and following a tracked
/// result — in Bulgarian by keyboard only, in English with a pointer, and in Bulgarian without JavaScript.
/// The app (and its demo database) is shared by the run, so each journey first puts back what it starts from:
/// its own open maturity round, Anna unverified, Maria without a ballot.</summary>
public sealed class DecisionsJourneyTests(BrowserApp app)
{
    private const string Icc = ProcessesDemo.IccSlug;
    private const string Pb = BudgetsDemo.Slug;

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Maturity_DraftThenMissingLevelThenSubmitAndReadTheReport(string culture, Way way)
    {
        var journey = Journeys.Name("maturity", culture, way);
        var en = culture == "en";
        // A municipal official (an administrator of the process) and a round open now, opened for this journey.
        var (context, p, email) = await app.ResidentAsync(culture, way, en ? "City Official" : "Общински Служител");
        await using var _ = context;
        var round = "journey-" + Guid.NewGuid().ToString("N")[..8];
        int dimensions = 0;
        await app.WithDbAsync(async services =>
        {
            var db = services.GetRequiredService<AgoraDb>();
            var users = services.GetRequiredService<UserManager<AgoraUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var process = await db.Set<Process>().FirstAsync(x => x.Slug == Icc);
            var baseline = await db.Set<MaturityRound>().FirstAsync(r => r.ProcessId == process.Id && r.Slug == MaturityDemo.BaselineSlug);
            dimensions = await db.Set<MaturityDimension>().CountAsync(d => d.FrameworkId == baseline.FrameworkId);
            db.Add(new ProcessAdministrator { ProcessId = process.Id, UserId = user.Id, GrantedAt = DateTime.UtcNow });
            db.Add(new MaturityRound
            {
                ProcessId = process.Id,
                FrameworkId = baseline.FrameworkId,
                Slug = round,
                Title = new("Оценка в браузъра " + round, "Browser assessment " + round),
                OpensAt = DateTime.UtcNow.AddHours(-1),
                ClosesAt = DateTime.UtcNow.AddDays(7),
                Assessors = AssessorSet.Municipality | AssessorSet.Representatives,
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var roundPath = $"/processes/{Icc}/maturity/{round}";

        await p.GoAsync(journey, roundPath);
        await p.PressAsync(p.Locator($"main a[href='{roundPath}/assess']").First);
        await p.Page.WaitForURLAsync($"**{roundPath}/assess");
        await p.AuditAsync(journey);

        // A draft with one level and a justification.
        await p.CheckAsync(p.Locator("input[name='Scores[0].Current'][value='2']"));
        await p.FillAsync(p.Locator("#just-0"), "Стратегия има, но без бюджет.");
        await p.PressAsync(p.Locator("main button[name=Action][value=draft]"));
        await p.StatusIsAnnouncedAsync(en ? "Draft saved" : "Черновата е запазена");
        await Assertions.Expect(p.Locator("input[name='Scores[0].Current'][value='2']")).ToBeCheckedAsync();
        await Assertions.Expect(p.Locator("#just-0")).ToHaveValueAsync("Стратегия има, но без бюджет.");
        await p.AuditAsync(journey);

        // Submitting with levels missing: refused, each missing level named in the summary and by its group.
        var submit = p.Locator("main button[name=Action][value=submit]");
        await p.PressAsync(submit);
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator(".error-summary")).ToContainTextAsync(en ? "choose a level" : "изберете ниво");
        await Assertions.Expect(p.Locator("input[name='Scores[0].Current'][value='2']")).ToBeCheckedAsync();
        // Every link in the summary leads to its question (the group of levels), so it can be reached from there.
        var broken = await p.Locator(".error-summary a[href^='#']").EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href')).filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))");
        Assert.True(broken.Length == 0, "Error summary links to nothing: " + string.Join(", ", broken));
        await Assertions.Expect(p.Locator("fieldset#Scores_1__Current")).ToContainTextAsync(en ? "choose a level" : "изберете ниво");
        await p.AuditAsync(journey);

        for (var i = 0; i < dimensions; i++)
        {
            await p.CheckAsync(p.Locator($"input[name='Scores[{i}].Current'][value='{(i == 0 ? 2 : 1 + i % 3)}']"));
            await p.CheckAsync(p.Locator($"input[name='Scores[{i}].Target'][value='4']"));
        }
        await p.PressAsync(submit);
        Assert.Equal(roundPath, new Uri(p.Page.Url).AbsolutePath);
        await p.StatusIsAnnouncedAsync(en ? "Your assessment has been submitted" : "Оценката е изпратена");
        await p.AuditAsync(journey);

        // The published report of the workshop's baseline: every chart has its data as a table.
        await p.GoAsync(journey, $"/processes/{Icc}/maturity/{MaturityDemo.BaselineSlug}/report");
        var charts = await p.Locator("main figure.maturity-chart").CountAsync();
        Assert.True(charts > 0, "The report shows no chart.");
        await Assertions.Expect(p.Locator("main table.chart-data")).ToHaveCountAsync(charts);
        await Assertions.Expect(p.Locator("main table.maturity-scores")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Budget_VerifyThenVoteOverBudgetThenWithinAndFindAReceipt(string culture, Way way)
    {
        var journey = Journeys.Name("budgets", culture, way);
        Guid city = default, sredets = default;
        await app.WithDbAsync(async services =>
        {
            var db = services.GetRequiredService<AgoraDb>();
            var process = await db.Set<Process>().FirstAsync(x => x.Slug == Pb);
            city = await db.Set<Budget>().Where(b => b.ProcessId == process.Id && b.District == null).Select(b => b.Id).FirstAsync();
            sredets = await db.Set<Budget>().Where(b => b.ProcessId == process.Id && b.District == "sredets").Select(b => b.Id).FirstAsync();
            await ResetAsync(services, city);
        });
        var cityPath = $"/processes/{Pb}/budgets/{city}";

        // Anna is not verified: the ballot tells her how, she verifies with her census details and is sent back.
        var (annaContext, anna) = await app.DemoPersonAsync(FoundationDemo.People[4].Email, culture, way);
        await using (annaContext)
        {
            await anna.GoAsync(journey, cityPath);
            await Assertions.Expect(anna.Locator("#ballot form[data-ballot]")).ToHaveCountAsync(0);
            var verify = anna.Locator("#ballot a[href^='/verification']");
            await Assertions.Expect(verify).ToBeVisibleAsync();
            await anna.PressAsync(verify);
            await anna.Page.WaitForURLAsync("**/verification?**");
            await anna.AuditAsync(journey);
            var send = anna.Locator("main form button[type=submit]");
            await anna.PressAsync(send);
            await Assertions.Expect(anna.Locator(".error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(anna.Locator("#Input_Identifier")).ToHaveAttributeAsync("aria-invalid", "true");
            await anna.AuditAsync(journey);
            await anna.FillAsync(anna.Locator("#Input_Identifier"), BudgetsDemo.AnnaIdentifier);
            await FillDateAsync(anna, anna.Locator("#Input_BirthDate"), new DateOnly(1990, 1, 5));
            await anna.PressAsync(send);
            await anna.Page.WaitForLoadStateAsync();
            if (new Uri(anna.Page.Url).AbsolutePath != cityPath)
                Assert.Fail("Not verified: " + string.Join(" | ", await anna.Locator(".error-summary, .notice").AllInnerTextsAsync()));
            await Assertions.Expect(anna.Locator("main > .notice[role=status]")).ToBeFocusedAsync();
            await Assertions.Expect(anna.Locator("#ballot form[data-ballot]")).ToBeVisibleAsync();
            await anna.AuditAsync(journey);
        }

        // Maria, verified and not yet voted, chooses more than the budget, is told, then casts a ballot that fits.
        var maria = FoundationDemo.People[0].Email;
        var (mariaContext, m) = await app.DemoPersonAsync(maria, culture, way);
        await using (mariaContext)
        {
            await m.GoAsync(journey, cityPath);
            var boxes = m.Locator("#ballot form[data-ballot] input[type=checkbox]");
            Assert.Equal(4, await boxes.CountAsync());
            for (var i = 0; i < 4; i++)
                await m.CheckAsync(boxes.Nth(i));
            var cast = m.Locator("#ballot form[data-ballot] button[type=submit]");
            await m.PressAsync(cast);
            await Assertions.Expect(m.Locator("#ballot-error[role=alert]")).ToBeVisibleAsync();
            for (var i = 0; i < 4; i++)
                await Assertions.Expect(boxes.Nth(i)).ToBeCheckedAsync();
            await m.AuditAsync(journey);

            // Without the Wi-Fi (60 000) and the fountains (40 000): 430 000 of 500 000, above the 20 % minimum.
            await UncheckAsync(m, boxes.Nth(1));
            await UncheckAsync(m, boxes.Nth(3));
            await m.PressAsync(cast);
            await m.Page.WaitForURLAsync($"**{cityPath}#ballot");
            string receipt = "";
            await app.WithDbAsync(async services =>
            {
                var db = services.GetRequiredService<AgoraDb>();
                var id = (await services.GetRequiredService<UserManager<AgoraUser>>().FindByEmailAsync(maria))!.Id;
                receipt = await db.Set<Ballot>().Where(b => b.BudgetId == city && b.VoterId == id).Select(b => b.ReceiptCode).SingleAsync();
            });
            await Assertions.Expect(m.Locator("main > .notice[role=status]")).ToContainTextAsync(receipt);
            await Assertions.Expect(m.Locator("#ballot .notice[role=status]")).ToContainTextAsync(receipt);
            await m.AuditAsync(journey);
            Assert.NotEmpty(await app.WaitForMailAsync(maria, receipt));
        }

        // Anyone finds a receipt among the closed Средец budget's published codes.
        var (visitor, v) = await app.VisitorAsync(culture, way);
        await using (visitor)
        {
            await v.GoAsync(journey, $"/processes/{Pb}/budgets");
            await v.PressAsync(v.Locator($"main a[href='/processes/{Pb}/budgets/{sredets}']").First);
            await v.Page.WaitForURLAsync($"**/budgets/{sredets}");
            await v.AuditAsync(journey);
            await v.PressAsync(v.Locator($"main a[href='/processes/{Pb}/budgets/{sredets}/receipts']"));
            await v.Page.WaitForURLAsync("**/receipts");
            await v.AuditAsync(journey);
            var code = (await v.Locator("main ul.receipt-codes code").First.InnerTextAsync()).Trim();
            await v.FillAsync(v.Locator("#code"), code.ToLowerInvariant());
            await v.PressAsync(v.Locator("main form[role=search] button[type=submit]"));
            await v.Page.WaitForURLAsync("**/receipts?code=**");
            await Assertions.Expect(v.Locator("main p.notice[role=status]")).ToContainTextAsync(code);
            await v.AuditAsync(journey);
        }
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Search_FromTheHeaderThenNarrowByType(string culture, Way way)
    {
        var journey = Journeys.Name("search", culture, way);
        var (context, p) = await app.VisitorAsync(culture, way);
        await using var _ = context;
        await p.GoAsync(journey, "/");
        await p.FillAsync(p.Locator("#header-search-q"), culture == "en" ? "otvoreni danni" : "улиците");
        await p.PressAsync(p.Locator("form.header-search button[type=submit]"));
        await p.Page.WaitForURLAsync("**/search?q=**");
        var hits = p.Locator("main ol.search-results > li");
        Assert.True(await hits.CountAsync() > 0, "No results.");
        Assert.True(await p.Locator("main ol.search-results mark").CountAsync() > 0, "No highlighted words in the results.");
        await p.AuditAsync(journey);

        var facet = p.Locator("main aside a[href*='type=']").First;
        var type = (await facet.GetAttributeAsync("href"))!;
        await p.PressAsync(facet);
        await p.Page.WaitForURLAsync("**type=**");
        await Assertions.Expect(p.Locator("main aside a[aria-current=true]")).ToHaveCountAsync(1);
        Assert.True(await hits.CountAsync() > 0, "No results of the chosen type.");
        Assert.Contains(new Uri(p.Page.Url).Query, type, StringComparison.Ordinal);
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Results_FilterByStatusOpenOneAndFollowIt(string culture, Way way)
    {
        var journey = Journeys.Name("results", culture, way);
        var en = culture == "en";
        var (context, p, _) = await app.ResidentAsync(culture, way, en ? "Result Follower" : "Следящ Резултати");
        await using var __ = context;
        await p.GoAsync(journey, "/results");
        await p.SelectAsync(p.Locator("#status"), "InProgress");
        await p.PressAsync(p.Locator("main form.filters button[type=submit]"));
        await p.Page.WaitForURLAsync("**status=InProgress**");
        var cards = p.Locator("main ul.result-list > li");
        Assert.True(await cards.CountAsync() > 0, "No results in progress.");
        await Assertions.Expect(p.Locator("#status")).ToHaveValueAsync("InProgress");
        await p.AuditAsync(journey);

        await p.PressAsync(cards.First.Locator("h2 a"));
        await p.Page.WaitForURLAsync("**/results/*");
        await p.AuditAsync(journey);
        await p.PressAsync(p.Locator("main form.follow-form button[type=submit]"));
        await p.StatusIsAnnouncedAsync(en ? "You now follow this result." : "Следвате резултата.");
        await Assertions.Expect(p.Locator("main form.follow-form .badge")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
    }

    /// <summary>Puts back what the budget journey starts from: Anna not verified (and no attempts counted against
    /// her), Maria without a ballot in the city budget (the counts on the budget and projects taken back too).</summary>
    private static async Task ResetAsync(IServiceProvider services, Guid city)
    {
        var db = services.GetRequiredService<AgoraDb>();
        var users = services.GetRequiredService<UserManager<AgoraUser>>();
        var anna = (await users.FindByEmailAsync(FoundationDemo.People[4].Email))!.Id;
        await db.Set<ResidentVerification>().Where(x => x.UserId == anna).ExecuteDeleteAsync();
        await db.Set<VerificationAttempt>().Where(x => x.UserId == anna).ExecuteDeleteAsync();
        var maria = (await users.FindByEmailAsync(FoundationDemo.People[0].Email))!.Id;
        var ballot = await db.Set<Ballot>().FirstOrDefaultAsync(b => b.BudgetId == city && b.VoterId == maria);
        if (ballot == null)
            return;
        var chosen = await db.Set<BallotChoice>().Where(c => c.BallotId == ballot.Id).Select(c => c.ProjectId).ToListAsync();
        await db.Set<BudgetProject>().Where(x => chosen.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.VoteCount, x => x.VoteCount - 1));
        await db.Set<Budget>().Where(x => x.Id == city).ExecuteUpdateAsync(s => s.SetProperty(x => x.BallotCount, x => x.BallotCount - 1));
        await db.Set<BallotChoice>().Where(c => c.BallotId == ballot.Id).ExecuteDeleteAsync();
        await db.Set<Ballot>().Where(b => b.Id == ballot.Id).ExecuteDeleteAsync();
    }

    /// <summary>A date field: by keyboard the day, month and year are typed into its segments (day first in both
    /// the Bulgarian and the British locale); with a pointer the value is filled.</summary>
    private static async Task FillDateAsync(Person person, ILocator field, DateOnly date)
    {
        if (person.Way == Way.Keyboard)
        {
            // The segments' order follows the browser's own language, not the page's: day first, else month first
            // (back out with Shift+Tab and in again with Tab to start over at the first segment).
            var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await person.Page.TabToAsync(field);
            await person.Page.Keyboard.TypeAsync(date.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture));
            if (await field.InputValueAsync() != iso)
            {
                // Shift+Tab walks back through the segments and out of the field; Tab comes back in at the first.
                for (var i = 0; i < 5 && await field.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
                    await person.Page.Keyboard.PressAsync("Shift+Tab");
                await person.Page.Keyboard.PressAsync("Tab");
                await person.Page.Keyboard.TypeAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
            }
            Assert.Equal(iso, await field.InputValueAsync());
        }
        else
        {
            await field.FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task UncheckAsync(Person person, ILocator box)
    {
        if (person.Way == Way.Keyboard)
        {
            await person.Page.TabToAsync(box);
            if (await box.IsCheckedAsync())
                await person.Page.Keyboard.PressAsync("Space");
        }
        else
        {
            await box.UncheckAsync();
        }
        Assert.False(await box.IsCheckedAsync());
    }
}

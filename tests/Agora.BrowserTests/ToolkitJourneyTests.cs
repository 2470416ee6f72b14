using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>The workshop toolkit on the Sofia demo's Needs Assessment Workshop: dot voting on the SWOT board,
/// ranking the shared needs, answering the stakeholder survey, facilitating a board of one's own and a
/// representative pledging a commitment. Every run is a new resident, so the demo data
/// other runs have changed (their dots, ballots and answers) only ever adds to the counts these check.</summary>
public sealed partial class ToolkitJourneyTests(BrowserApp app)
{
    private const string Icc = ProcessesDemo.IccSlug;

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Swot_SpreadDotsTooManyThenWithinTheAllowance(string culture, Way way)
    {
        var journey = Journeys.Name("swot", culture, way);
        var en = culture == "en";
        var (context, p, _) = await app.ResidentAsync(culture, way, en ? "Dot Voter" : "Гласуващ С Точки");
        await using var __ = context;
        await p.GoAsync(journey, $"/processes/{Icc}/swot");
        // The workshop's board (facilitator journeys add boards of their own).
        await p.PressAsync(p.Locator($"main .card h2 a[href^='/processes/{Icc}/swot/']")
            .Filter(new() { HasText = en ? "e-government" : "е-управление" }).First);
        await Assertions.Expect(p.Locator("#vote")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        var voters = await NumberIn(p.Locator("#results-h + p"));

        // Six dots where the board allows five: refused, with what was typed kept.
        var dots = p.Locator("#vote input.dots-input");
        var vote = p.Locator("#vote button[type=submit]");
        await p.FillAsync(dots.Nth(0), "3");
        await p.FillAsync(dots.Nth(3), "3");
        await p.PressAsync(vote);
        await Assertions.Expect(p.Locator("#vote .notice.error[role=alert]"))
            .ToContainTextAsync(en ? "at most 5 dots" : "най-много 5 точки");
        await Assertions.Expect(dots.Nth(3)).ToHaveValueAsync("3");
        await p.AuditAsync(journey);

        await p.FillAsync(dots.Nth(3), "2");
        await p.PressAsync(vote);
        await p.StatusIsAnnouncedAsync(en ? "Your dots are saved." : "Точките ви са запазени.");
        await Assertions.Expect(dots.Nth(0)).ToHaveValueAsync("3");
        await Assertions.Expect(dots.Nth(3)).ToHaveValueAsync("2");
        Assert.True(await NumberIn(p.Locator("#results-h + p")) > voters, "The results do not count the new voter.");
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("main p.actions a[href$='/summary']"));
        await p.Page.WaitForURLAsync("**/summary");
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Needs_RankTheSameNeedTwiceThenATopThree(string culture, Way way)
    {
        var journey = Journeys.Name("needs", culture, way);
        var en = culture == "en";
        var (context, p, _) = await app.ResidentAsync(culture, way, en ? "Need Ranker" : "Подреждащ Нужди");
        await using var __ = context;
        await p.GoAsync(journey, $"/processes/{Icc}/needs/ranking");
        var participants = await NumberIn(p.Locator("main p[role=status]"));
        await p.GoAsync(journey, $"/processes/{Icc}/needs");
        await p.PressAsync(p.Locator($"main a[href='/processes/{Icc}/needs/rank']").First);
        await p.Page.WaitForURLAsync("**/needs/rank");
        await p.AuditAsync(journey);

        var needs = await p.Locator("#slot-0 option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.True(needs.Length >= 3);
        var submit = p.Locator("main form button[type=submit]");
        await p.SelectAsync(p.Locator("#slot-0"), needs[2]);
        await p.SelectAsync(p.Locator("#slot-1"), needs[2]);
        await p.PressAsync(submit);
        await Assertions.Expect(p.Locator("#ballot-error")).ToContainTextAsync(en ? "The same need" : "Една и съща нужда");
        await Assertions.Expect(p.Locator("#slot-0")).ToHaveValueAsync(needs[2]);
        await p.AuditAsync(journey);

        await p.SelectAsync(p.Locator("#slot-1"), needs[0]);
        await p.SelectAsync(p.Locator("#slot-2"), needs[1]);
        await p.PressAsync(submit);
        // By keyboard the address may carry the skip link's #main, which the redirect keeps.
        Assert.Equal($"/processes/{Icc}/needs/ranking", new Uri(p.Page.Url).AbsolutePath);
        await p.StatusIsAnnouncedAsync(en ? "Your priorities are saved." : "Приоритетите ви са запазени.");
        Assert.True(await NumberIn(p.Locator("main p[role=status]")) > participants, "The ranking does not count the new ballot.");
        await Assertions.Expect(p.Locator("main table.needs-ranking tbody tr")).ToHaveCountAsync(needs.Length);
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Survey_LeaveRequiredQuestionsEmptyThenAnswerAndReadTheResults(string culture, Way way)
    {
        var journey = Journeys.Name("survey", culture, way);
        var en = culture == "en";
        var (context, p, _) = await app.ResidentAsync(culture, way, en ? "Survey Respondent" : "Анкетиран Жител");
        await using var __ = context;
        await p.GoAsync(journey, $"/processes/{Icc}/surveys");
        await p.PressAsync(p.Locator($"main a[href^='/processes/{Icc}/surveys/']").First);
        await Assertions.Expect(p.Locator("form.survey-form")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        var responses = await NumberIn(p.Locator("main h1 + p.meta"));

        // The demo survey: a scale, needs (up to two), the open-data question shown only when "open data" is
        // chosen, and whether they would take part.
        var questions = p.Locator(".survey-question");
        var scale = questions.Nth(0);
        var needs = questions.Nth(1);
        var conditional = p.Locator(".survey-question[data-when^='q']");
        var takePart = questions.Nth(3);
        var submit = p.Locator("form.survey-form button[type=submit]");
        if (way == Way.NoScript)
        {
            // Without the script every question shows, and the conditional one says when to answer it.
            await Assertions.Expect(conditional).ToBeVisibleAsync();
            await Assertions.Expect(conditional.Locator("p.hint[id$='-when']")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(conditional).ToBeHiddenAsync();
        }

        // Only the scale answered: the required questions left empty are named in the summary and by each field.
        await p.CheckAsync(scale.Locator("input[type=radio][value='4']"));
        await p.PressAsync(submit);
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(needs).ToHaveClassAsync(HasError());
        await Assertions.Expect(takePart).ToHaveClassAsync(HasError());
        await Assertions.Expect(scale.Locator("input[type=radio][value='4']")).ToBeCheckedAsync();
        await p.AuditAsync(journey);

        // Choosing "open data" brings the open-data question (with the script it appears only now).
        await p.CheckAsync(needs.Locator("input[type=checkbox]").Nth(1));
        await Assertions.Expect(conditional).ToBeVisibleAsync();
        await p.FillAsync(conditional.Locator("textarea"), "Разписанията на градския транспорт в реално време");
        await p.CheckAsync(takePart.Locator("input[type=radio]").First);
        await p.PressAsync(submit);
        await p.StatusIsAnnouncedAsync(en ? "Thank you! Your answers were recorded." : "Благодарим! Отговорите ви са записани.");
        Assert.True(await NumberIn(p.Locator("main h1 + p.meta")) > responses, "The survey does not count the new response.");
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("main a[href*='/surveys/'][href$='/results']").First);
        await p.Page.WaitForURLAsync("**/results");
        await Assertions.Expect(p.Locator("main svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("main table").First).ToBeVisibleAsync();
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Facilitator_OpensABoardMergesADuplicateClosesItAndPrintsTheSummary(string culture, Way way)
    {
        var journey = Journeys.Name("swot-facilitator", culture, way);
        var en = culture == "en";
        // A site administrator facilitates; the board is a new one, so the workshop's board stays open for voters.
        var (email, key) = await app.StaffAsync(Roles.Administrator);
        var (context, p) = await app.VisitorAsync(culture, way);
        await using var __ = context;
        await p.Page.GotoAsync("/account/login");
        await p.Page.Locator("#Input_Email").FillAsync(email);
        await p.Page.Locator("#Input_Password").FillAsync(Journeys.Password);
        await p.Page.Locator("main button[type=submit]").ClickAsync();
        await p.Page.Locator("#Input_Code").FillAsync(Totp.Code(key));
        await p.Page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(p.Page.Locator(".account-nav")).ToBeVisibleAsync();

        await p.GoAsync(journey, $"/processes/{Icc}/swot");
        var create = p.Locator("form:has(#Input_TitleBg) button[type=submit]");
        await p.PressAsync(create);
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        var title = "Работна среща " + Guid.NewGuid().ToString("N")[..6];
        await p.FillAsync(p.Locator("#Input_TitleBg"), title);
        await p.FillAsync(p.Locator("#Input_TitleEn"), "Workshop board");
        await p.PressAsync(create);
        await Assertions.Expect(p.Locator("main h1")).ToHaveTextAsync(en ? "Workshop board" : title);
        await p.AuditAsync(journey);

        foreach (var text in new[] { "Активни квартални общности", "Силни квартални общности" })
        {
            await p.FillAsync(p.Locator("#Input_Text"), text);
            await p.PressAsync(p.Locator("form:has(#Input_Text) button[type=submit]"));
            await p.StatusIsAnnouncedAsync(en ? "The item was added." : "Елементът е добавен.");
        }
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("main p.actions a[href$='/manage']"));
        await p.Page.WaitForURLAsync("**/manage");
        await p.AuditAsync(journey);
        var items = await p.Locator("#MergeSource option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Equal(2, items.Length);
        var merge = p.Locator("form[action*='handler=merge'] button[type=submit]");
        // An item merged into itself is refused, with the reason.
        await p.SelectAsync(p.Locator("#MergeSource"), items[0]);
        await p.SelectAsync(p.Locator("#MergeTarget"), items[0]);
        await p.PressAsync(merge);
        await Assertions.Expect(p.Locator("main .notice.error[role=alert]")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        await p.SelectAsync(p.Locator("#MergeSource"), items[1]);
        await p.SelectAsync(p.Locator("#MergeTarget"), items[0]);
        await p.PressAsync(merge);
        await p.StatusIsAnnouncedAsync(en ? "The items were merged." : "Елементите са обединени.");
        await Assertions.Expect(p.Locator("form.swot-edit")).ToHaveCountAsync(1);
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("form[action*='handler=close'] button[type=submit]"));
        await p.StatusIsAnnouncedAsync(en ? "The board is closed" : "Таблото е затворено");
        await Assertions.Expect(p.Locator("#vote input.dots-input")).ToHaveCountAsync(0);
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("main p.actions a[href$='/summary']"));
        await p.Page.WaitForURLAsync("**/summary");
        await Assertions.Expect(p.Locator("main")).ToContainTextAsync("Активни квартални общности");
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Representative_PledgesACommitment(string culture, Way way)
    {
        var journey = Journeys.Name("commitment", culture, way);
        var en = culture == "en";
        var (context, p, email) = await app.ResidentAsync(culture, way, en ? "Pledging Representative" : "Представител Поемащ");
        await using var __ = context;
        // Approving representatives is the organisations' journey; this one starts with an approved one.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
            var user = await db.Set<AgoraUser>().SingleAsync(u => u.Email == email);
            var organization = await db.Set<Organization>().SingleAsync(o => o.Slug == "bait");
            db.Add(new OrganizationRepresentative
            {
                OrganizationId = organization.Id,
                UserId = user.Id,
                Status = RepresentativeStatus.Approved,
                CreatedAt = DateTime.UtcNow,
                DecidedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await p.GoAsync(journey, $"/processes/{Icc}/commitments");
        await p.PressAsync(p.Locator($"main a[href='/processes/{Icc}/commitments/new']"));
        await p.Page.WaitForURLAsync("**/commitments/new");
        await p.AuditAsync(journey);
        var submit = p.Locator("main form button[type=submit]").Last;
        await p.PressAsync(submit);
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#Input_Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await p.AuditAsync(journey);

        var title = "Обучения по отворени данни за общински служители " + Guid.NewGuid().ToString("N")[..4];
        await p.FillAsync(p.Locator("#Input_Title"), title);
        var due = p.Locator("#Input_DueOn");
        if (way == Way.Keyboard)
            await p.Page.TabToAsync(due); // reached by keyboard; the order of its typed parts follows the browser's ICU data, so the value is set
        await due.FillAsync("2027-06-30");
        await Assertions.Expect(due).ToHaveValueAsync("2027-06-30");
        await p.PressAsync(submit);
        await p.StatusIsAnnouncedAsync(en ? "The commitment has been recorded." : "Ангажиментът е записан.");
        await Assertions.Expect(p.Locator("main h1")).ToHaveTextAsync(title);
        await p.AuditAsync(journey);
    }

    /// <summary>The first whole number in an element's text (a count of voters, participants or responses).</summary>
    private static async Task<int> NumberIn(ILocator element)
    {
        var text = await element.First.InnerTextAsync();
        return int.Parse(FirstNumber().Match(text.Replace("\u00a0", "", StringComparison.Ordinal)).Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"\bhas-error\b")]
    private static partial Regex HasError();
}

using Agora.Web.Features.Processes;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>A citizen proposes, another supports and comments with a stance and reports it, a moderator hides it
/// and it is gone from the public list — in Bulgarian by keyboard only, in English with a pointer, and in
/// Bulgarian without JavaScript.</summary>
public sealed class ProposalJourneyTests(BrowserApp app)
{
    private const string List = $"/processes/{ProcessesDemo.IccSlug}/proposals";

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Proposal_CreatedSupportedCommentedReportedAndHidden(string culture, Way way)
    {
        var journey = Journeys.Name("proposals", culture, way);
        var en = culture == "en";
        var title = (en ? "Night buses tracked live " : "Нощните автобуси на живо в картата ") + Guid.NewGuid().ToString("N")[..6];

        var (author, a, _) = await app.ResidentAsync(culture, way, "Автор Предложение");
        await using var _a = author;
        await a.GoAsync(journey, List);
        await a.PressAsync(a.Locator($"main a[href='{List}/new']").First);
        await a.Page.WaitForURLAsync($"**{List}/new");
        await a.AuditAsync(journey);
        var publish = a.Locator("main form button[type=submit]:not([formaction])");
        await a.PressAsync(publish);
        await Assertions.Expect(a.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(a.Locator("#Input_Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await a.AuditAsync(journey);
        await a.FillAsync(a.Locator("#Input_Title"), title);
        await a.PressAsync(a.Locator("button[formaction*='similar']"));
        await Assertions.Expect(a.Locator("#similar-h")).ToBeVisibleAsync();
        await a.AuditAsync(journey);
        await a.FillAsync(a.Locator("#Input_Body"), "Данните за нощните линии на градския транспорт да са **отворени** и на живо.");
        await a.SelectAsync(a.Locator("#Input_District"), "lyulin");
        await a.PressAsync(publish);
        await a.Page.WaitForLoadStateAsync();
        var problems = string.Join(" | ", await a.Locator(".error-summary, .notice, p.error").AllInnerTextsAsync());
        Assert.True(await a.Locator("h1").InnerTextAsync() == title, "The proposal was not published: " + problems);
        await a.AuditAsync(journey);
        var proposalUrl = new Uri(a.Page.Url).AbsolutePath;

        var (supporter, s, _) = await app.ResidentAsync(culture, way, "Подкрепящ Жител");
        await using var _s = supporter;
        await s.GoAsync(journey, proposalUrl);
        await s.PressAsync(s.Locator("form[action*='handler=support'] button"));
        await Assertions.Expect(s.Locator("form[action*='handler=unsupport'] button")).ToBeVisibleAsync();
        // A comment without text comes back on its own page with the error; the stance and text are then given there.
        await s.PressAsync(s.Locator("form.comment-form button[type=submit]"));
        await Assertions.Expect(s.Locator(".error-summary")).ToBeVisibleAsync();
        await s.AuditAsync(journey);
        await s.FillAsync(s.Locator("#Input_Body"), "Подкрепям — особено за Люлин и Младост.");
        await s.CheckAsync(s.Locator("#stance-InFavour"));
        await s.PressAsync(s.Locator("main form button[type=submit]"));
        await Assertions.Expect(s.Locator("main > .notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Locator(".comment.stance-infavour")).ToContainTextAsync("особено за Люлин");
        await s.AuditAsync(journey);

        await s.PressAsync(s.Locator("a[href^='/report/proposal/']"));
        await s.Page.WaitForURLAsync("**/report/proposal/**");
        await s.AuditAsync(journey);
        var send = s.Locator("main form button[type=submit]");
        await s.PressAsync(send);
        await Assertions.Expect(s.Locator(".error-summary")).ToBeVisibleAsync();
        await s.AuditAsync(journey);
        await s.CheckAsync(s.Locator("#reason-Spam"));
        await s.PressAsync(send);
        await Assertions.Expect(s.Locator("main > .notice[role=status]")).ToBeFocusedAsync();
        await s.AuditAsync(journey);

        var (moderator, m) = await app.ModeratorAsync(culture, way);
        await using var _m = moderator;
        await m.GoAsync(journey, "/admin/moderation");
        var proposalId = proposalUrl[(proposalUrl.LastIndexOf('/') + 1)..];
        var entry = m.Locator($"main form[action*='handler=decide']:has(input[name=id][value='{proposalId}'])");
        await m.FillAsync(entry.Locator("input[name=reason]"), en ? "Advertising" : "Реклама");
        await m.PressAsync(entry.Locator("button[name=hide][value=true]"));
        await Assertions.Expect(m.Locator("main > .notice[role=status]")).ToBeFocusedAsync();
        await m.AuditAsync(journey);

        var (visitor, v) = await app.VisitorAsync(culture, way);
        await using var _v = visitor;
        await v.GoAsync(journey, List);
        await Assertions.Expect(v.Locator("main")).Not.ToContainTextAsync(title);
        // Searching for it gives the empty state, which is audited too.
        await v.FillAsync(v.Locator("form.filters #q"), title);
        await v.PressAsync(v.Locator("form.filters button[type=submit]"));
        await v.Page.WaitForURLAsync("**q=**");
        await Assertions.Expect(v.Locator("main h2 a[href*='/proposals/']")).ToHaveCountAsync(0);
        await Assertions.Expect(v.Locator("main")).ToContainTextAsync(en ? "No proposals match the search." : "Няма предложения, които отговарят на търсенето.");
        await v.AuditAsync(journey);
        await v.GoAsync(journey, proposalUrl);
        await Assertions.Expect(v.Locator("h1")).Not.ToContainTextAsync(title);
    }
}

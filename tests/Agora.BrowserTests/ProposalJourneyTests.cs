using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>A citizen proposes, another supports and comments with a stance and reports it, a moderator hides it
/// and it is gone from the public list.</summary>
public sealed class ProposalJourneyTests(BrowserApp app)
{
    private const string List = $"/processes/{ProcessesDemo.IccSlug}/proposals";

    [Theory]
    [InlineData("bg")]
    [InlineData("en")]
    public async Task Proposal_CreatedSupportedCommentedReportedAndHidden(string culture)
    {
        var journey = "proposals-" + culture;
        var title = (culture == "en" ? "Night buses tracked live " : "Нощните автобуси на живо в картата ") + Guid.NewGuid().ToString("N")[..6];

        await using var author = await app.NewVisitorAsync(culture);
        var a = await author.NewPageAsync();
        await a.SignUpAsync(app, journey + "-a", "Автор Предложение");
        await a.GoAsync(journey, List);
        await a.GoAsync(journey, List + "/new");
        await a.Locator("#Input_Title").FillAsync(title);
        await a.Locator("button[formaction*='similar']").ClickAsync();
        await a.AuditAsync(journey);
        await a.Locator("#Input_Body").FillAsync("Данните за нощните линии на градския транспорт да са **отворени** и на живо.");
        await a.Locator("#Input_District").SelectOptionAsync("lyulin");
        await a.Locator("main form button[type=submit]:not([formaction])").ClickAsync();
        await a.WaitForLoadStateAsync();
        var problems = string.Join(" | ", await a.Locator(".error-summary, .notice, p.error").AllInnerTextsAsync());
        Assert.True(await a.Locator("h1").InnerTextAsync() == title, "The proposal was not published: " + problems);
        await a.AuditAsync(journey);
        var proposalUrl = new Uri(a.Url).AbsolutePath;

        await using var supporter = await app.NewVisitorAsync(culture);
        var s = await supporter.NewPageAsync();
        await s.SignUpAsync(app, journey + "-s", "Подкрепящ Жител");
        await s.GoAsync(journey, proposalUrl);
        await s.TabToAsync(s.Locator("form[action*='handler=support'] button"));
        await s.Keyboard.PressAsync("Enter");
        await Assertions.Expect(s.Locator("form[action*='handler=unsupport'] button")).ToBeVisibleAsync();
        await s.Locator("#new-comment").FillAsync("Подкрепям — особено за Люлин и Младост.");
        await s.Locator("#stance-InFavour").CheckAsync();
        await s.Locator("form.comment-form button[type=submit]").ClickAsync();
        await Assertions.Expect(s.Locator("main")).ToContainTextAsync("особено за Люлин");
        await s.AuditAsync(journey);

        await s.Locator($"a[href^='/report/proposal/']").ClickAsync();
        await s.AuditAsync(journey);
        await s.Locator("#reason-Spam").CheckAsync();
        await s.Locator("main form button[type=submit]").ClickAsync();
        await s.AuditAsync(journey);

        var (modEmail, key) = await app.StaffAsync(Roles.Moderator);
        await using var moderator = await app.NewVisitorAsync(culture);
        var m = await moderator.NewPageAsync();
        await m.GotoAsync("/account/login");
        await m.Locator("#Input_Email").FillAsync(modEmail);
        await m.Locator("#Input_Password").FillAsync(Journeys.Password);
        await m.Locator("main button[type=submit]").ClickAsync();
        await m.Locator("#Input_Code").FillAsync(Totp.Code(key));
        await m.Locator("main button[type=submit]").ClickAsync();
        await m.GoAsync(journey, "/admin/moderation");
        var proposalId = proposalUrl[(proposalUrl.LastIndexOf('/') + 1)..];
        var entry = m.Locator($"main form[action*='handler=decide']:has(input[name=id][value='{proposalId}'])");
        await entry.Locator("input[name=reason]").FillAsync(culture == "en" ? "Advertising" : "Реклама");
        await entry.Locator("button[name=hide][value=true]").ClickAsync();
        await m.AuditAsync(journey);

        await using var visitor = await app.NewVisitorAsync(culture);
        var v = await visitor.NewPageAsync();
        await v.GoAsync(journey, List);
        await Assertions.Expect(v.Locator("main")).Not.ToContainTextAsync(title);
    }
}

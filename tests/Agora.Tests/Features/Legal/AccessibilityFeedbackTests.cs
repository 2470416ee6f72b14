using System.Net;
using Agora.Web.Features.Legal;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Legal;

public sealed class AccessibilityFeedbackTests
{
    [Fact]
    public async Task Feedback_Anonymous_IsStoredAndMailedToEachAdministratorInTheirLanguage()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var bgAdmin = await f.PersonAsync(role: Roles.Administrator);
        var enAdmin = await f.PersonAsync(role: Roles.Administrator, culture: "en");
        var plain = await f.PersonAsync();
        var response = await f.Browser().PostFormAsync("/accessibility/feedback", new Dictionary<string, string>
        {
            ["Input.Description"] = "Картата няма текстова алтернатива <script>alert(1)</script>",
            ["Input.PageAddress"] = "https://agora.sofia.bg/processes",
            ["Input.Email"] = "reader@example.bg",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Благодарим! Съобщението ви е изпратено", await response.TextAsync(), StringComparison.Ordinal);
        var stored = await f.DbAsync(db => db.Set<AccessibilityFeedback>().SingleAsync());
        Assert.Equal("reader@example.bg", stored.Email);
        var bg = await f.LastTo(bgAdmin.Email!);
        Assert.Equal("Обратна връзка за достъпността на „Агора“", bg.Subject);
        Assert.Contains("https://agora.sofia.bg/processes", bg.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", bg.HtmlBody, StringComparison.Ordinal);
        var en = await f.LastTo(enAdmin.Email!);
        Assert.Equal("Accessibility feedback about Agora", en.Subject);
        Assert.DoesNotContain((await f.DeliverAsync()), m => m.To.Mailboxes.Any(b => b.Address == plain.Email));
    }

    [Fact]
    public async Task Feedback_WithoutDescriptionOrWithBadEmail_SaysWhatIsWrongAndKeepsTheText()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var response = await f.Browser("en").PostFormAsync("/accessibility/feedback", new Dictionary<string, string>
        {
            ["Input.Description"] = "",
            ["Input.Email"] = "not-an-address",
            ["Input.AssistiveTechnology"] = "JAWS",
        });
        var html = await response.TextAsync();
        Assert.Contains("Description of the problem is required.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"JAWS\"", html, StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<AccessibilityFeedback>().AnyAsync()));
    }
}

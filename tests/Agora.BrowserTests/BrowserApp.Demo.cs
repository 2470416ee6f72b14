using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

public sealed partial class BrowserApp
{
    /// <summary>One of the demo's people (Maria, Anna …), signed in. Demo accounts have no password; the journey sets
    /// one as an operator would (<c>reset-password</c>), then signs in through the login form.</summary>
    public async Task<(IBrowserContext Context, Person Person)> DemoPersonAsync(string email, string culture, Way way)
    {
        string name;
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.");
            if (!await users.HasPasswordAsync(user))
                Assert.True((await users.AddPasswordAsync(user, Journeys.Password)).Succeeded);
            name = user.DisplayName;
        }
        var (context, person) = await VisitorAsync(culture, way);
        await SignInAsync(person.Page, email, key: null);
        await Assertions.Expect(person.Page.Locator(".account-nav")).ToContainTextAsync(name);
        return (context, person);
    }

    /// <summary>Runs a step against the app's database (preparing what a journey starts from).</summary>
    public async Task WithDbAsync(Func<IServiceProvider, Task> step)
    {
        using var scope = Services.CreateScope();
        await step(scope.ServiceProvider);
    }
}

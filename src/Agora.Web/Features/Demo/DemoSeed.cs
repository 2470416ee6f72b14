using Agora.Web.Features.Pages;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Demo;

/// <summary>A module's part of the Sofia demo. Each must be idempotent: running `seed demo` twice changes nothing.</summary>
public interface IDemoContributor
{
    /// <summary>Lower runs first (accounts before the processes they take part in).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

public sealed class DemoSeed(IEnumerable<IDemoContributor> contributors)
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var c in contributors.OrderBy(c => c.Order))
            await c.SeedAsync(ct);
    }
}

/// <summary>The welcome page (from the founding document) and demo people. Demo accounts have no password:
/// nobody can sign in as them until an operator resets one.</summary>
public sealed class FoundationDemo(AgoraDb db, UserManager<AgoraUser> users, ContentFiles content, TimeProvider clock) : IDemoContributor
{
    public int Order => 0;

    public static readonly (string Email, string Name, string Culture)[] People =
    [
        ("maria.ivanova@demo.agora.bg", "Мария Иванова", "bg"),
        ("georgi.petrov@demo.agora.bg", "Георги Петров", "bg"),
        ("elena.dimitrova@demo.agora.bg", "Елена Димитрова", "bg"),
        ("nikolay.georgiev@demo.agora.bg", "Николай Георгиев", "bg"),
        ("anna.smith@demo.agora.bg", "Anna Smith", "en"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.SitePages.AnyAsync(p => p.Slug == "welcome", ct))
        {
            var bg = content.Read("pages/welcome.bg.md");
            var en = content.Read("pages/welcome.en.md");
            db.SitePages.Add(new SitePage
            {
                Slug = "welcome",
                Title = new(bg.Title, en.Title),
                Body = new(bg.Body, en.Body),
                UpdatedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        foreach (var (email, name, culture) in People)
        {
            if (await users.FindByEmailAsync(email) != null)
                continue;
            var result = await users.CreateAsync(new AgoraUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                PreferredCulture = culture,
                CreatedAt = now,
            });
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

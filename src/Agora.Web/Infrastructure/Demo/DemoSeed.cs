using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Infrastructure.Demo;

/// <summary>A module's part of the Sofia demo, registered in its setup
/// (<c>services.AddScoped&lt;IDemoContributor, MyDemo&gt;()</c>). Each must be idempotent: running `seed demo` twice
/// changes nothing.</summary>
public interface IDemoContributor
{
    /// <summary>Lower runs first (accounts before the processes they take part in).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}

/// <summary>Runs every registered module's part of the demo, in order. Knows no module.</summary>
public sealed class DemoSeed(IEnumerable<IDemoContributor> contributors)
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var c in contributors.OrderBy(c => c.Order))
            await c.SeedAsync(ct);
    }
}

/// <summary>The demo's people, whom the modules' demos make authors, representatives and voters. Demo accounts have no
/// password: nobody can sign in as them until an operator resets one.</summary>
public sealed class FoundationDemo(UserManager<AgoraUser> users, TimeProvider clock) : IDemoContributor
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

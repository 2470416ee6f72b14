using System.Security.Cryptography;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Identity;

namespace Agora.Web.Infrastructure.Scale;

/// <summary>
/// Citizens with valid Identity rows (normalised names and e-mails, security stamps, no password: they cannot sign in),
/// plus the bench accounts that can: <see cref="BenchCitizens"/> citizens and one administrator, all with the password
/// from AGORA_BENCH_PASSWORD or a generated one printed once.
/// </summary>
public sealed class PeopleScale(UserManager<AgoraUser> users) : IScaleContributor
{
    public const string BenchDomain = "bench.agora.local";
    public const int BenchCitizens = 32;

    public int Order => 10;

    public static string BenchCitizen(int i) => $"bench-citizen-{i:D2}@{BenchDomain}";

    public static string BenchAdministrator => $"bench-admin@{BenchDomain}";

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("people");
        var ids = new Guid[context.Size.Users];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = context.NewId();
        context.Users = ids;
        var firstDay = context.Now.AddYears(-3);
        var span = (context.Now - firstDay).TotalSeconds;
        await context.Writer.InsertAsync(Enumerable.Range(0, ids.Length).Select(i =>
        {
            var female = random.Next(2) == 0;
            var first = random.Pick(female ? ScaleWords.FemaleNames : ScaleWords.MaleNames);
            var last = random.Pick(ScaleWords.Surnames) + (female ? "а" : "");
            var email = $"{Slugs.Transliterate(first).ToLowerInvariant()}.{Slugs.Transliterate(last).ToLowerInvariant()}.{i}@example.bg";
            return new AgoraUser
            {
                Id = ids[i],
                DisplayName = $"{first} {last}",
                PreferredCulture = random.Next(10) == 0 ? "en" : "bg",
                // Spread over three years in id order, so "newest people" reads naturally.
                CreatedAt = firstDay.AddSeconds(span * i / ids.Length),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = IdFrom(random),
                ConcurrencyStamp = IdFrom(random),
                LockoutEnabled = true,
            };
        }), ct);

        var password = Environment.GetEnvironmentVariable("AGORA_BENCH_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            password = "Bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            await context.Log.WriteLineAsync($"  Bench password (set AGORA_BENCH_PASSWORD to choose it): {password}");
        }
        for (var i = 1; i <= BenchCitizens; i++)
            context.BenchCitizens.Add(await CreateAsync(BenchCitizen(i), $"Бенч Гражданин {i}", password, null));
        await CreateAsync(BenchAdministrator, "Бенч Администратор", password, Roles.Administrator);
        await context.Log.WriteLineAsync($"  Bench accounts: {BenchCitizen(1)} … {BenchCitizen(BenchCitizens)}, {BenchAdministrator}");
    }

    private async Task<Guid> CreateAsync(string email, string name, string password, string? role)
    {
        var user = new AgoraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Cannot create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        if (role != null)
            await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    private static string IdFrom(Random random)
    {
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        return Convert.ToHexString(b);
    }
}

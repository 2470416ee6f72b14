using Agora.Web.Features.Events;
using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Newsletter;

public sealed class AudienceTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(string key, Guid? processId) =>
        f.InScopeAsync(sp => sp.GetServices<INewsletterAudience>().Single(a => a.Key == key).RecipientsAsync(processId, CancellationToken.None));

    [Fact]
    public async Task EventRegistrants_OfTheChosenProcess_AreTheRecipientsInTheirLanguage()
    {
        var process = await f.ProcessAsync();
        var other = await f.ProcessAsync();
        var registered = await f.PersonAsync(culture: "en");
        var elsewhere = await f.PersonAsync();
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            var here = new Event { ProcessId = process.Id, Title = new("Среща", "Meeting"), StartsAt = DateTime.UtcNow.AddDays(5), EndsAt = DateTime.UtcNow.AddDays(5).AddHours(2), Published = true };
            var there = new Event { ProcessId = other.Id, Title = new("Друга", "Other"), StartsAt = DateTime.UtcNow.AddDays(5), EndsAt = DateTime.UtcNow.AddDays(5).AddHours(2), Published = true };
            db.AddRange(here, there);
            db.Add(new EventRegistration { EventId = here.Id, UserId = registered.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow });
            db.Add(new EventRegistration { EventId = there.Id, UserId = elsewhere.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var recipients = await RecipientsAsync("event-registrants", process.Id);
        Assert.Equal([(registered.Email!, "en")], recipients);
        Assert.Empty(await RecipientsAsync("event-registrants", null));
    }

    [Fact]
    public async Task Representatives_OnlyApprovedOnes_AreTheRecipients()
    {
        var approved = await f.PersonAsync();
        var pending = await f.PersonAsync();
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            var org = new Organization { Slug = "org-" + Guid.NewGuid().ToString("N")[..8], Name = new("Сдружение", "Association"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(org);
            db.Add(new OrganizationRepresentative { OrganizationId = org.Id, UserId = approved.Id, Status = RepresentativeStatus.Approved, CreatedAt = DateTime.UtcNow });
            db.Add(new OrganizationRepresentative { OrganizationId = org.Id, UserId = pending.Id, Status = RepresentativeStatus.Pending, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var emails = (await RecipientsAsync("representatives", null)).Select(r => r.Email).ToList();
        Assert.Contains(approved.Email!, emails);
        Assert.DoesNotContain(pending.Email!, emails);
    }
}

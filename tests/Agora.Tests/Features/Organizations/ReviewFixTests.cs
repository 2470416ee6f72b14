using System.Net;
using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Organizations;

/// <summary>Abuse and edge cases: relaying strangers' text, invitations to drafts, reserved addresses, withdrawn events.</summary>
public sealed class ReviewFixTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Join_AnonymousAcknowledgement_CarriesNoneOfTheTypedText()
    {
        var process = await f.ProcessAsync();
        var victim = $"victim-{Guid.NewGuid():N}"[..20] + "@example.bg";
        var response = await f.Browser().PostFormAsync($"/processes/{process.Slug}/join", new Dictionary<string, string>
        {
            ["Input.OrganizationChoice"] = "new",
            ["Input.OrganizationName"] = "Спечелихте награда на evil.example",
            ["Input.OrganizationKind"] = "Company",
            ["Input.Contribution"] = "Посетете evil.example веднага, за да я получите.",
            ["Input.ContactName"] = "Кликнете тук",
            ["Input.ContactEmail"] = victim,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await f.LastTo(victim);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Кликнете тук", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(process.Title.Bg, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_ToEventsOfADraftProcess_AreNotSent()
    {
        var process = await f.ProcessAsync(published: false);
        var org = Guid.Empty;
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            var o = new Organization { Slug = "draft-" + Guid.NewGuid().ToString("N")[..8], Name = new("Сдружение", "Association"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(o);
            db.Add(new ProcessOrganization { ProcessId = process.Id, OrganizationId = o.Id });
            db.Add(new Event { ProcessId = process.Id, Title = new("Чернова", "Draft"), StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(1), Published = true });
            await db.SaveChangesAsync();
            org = o.Id;
            await sp.GetRequiredService<JoinInvitations>().InviteToUpcomingAsync(process.Id, o.Id, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        Assert.False(await f.DbAsync(db => db.Set<OrganizationInvitation>().AnyAsync(i => i.OrganizationId == org)));
    }

    [Fact]
    public async Task NewProcess_WithTheReservedAddressNew_IsRefused()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var response = await client.PostFormAsync("/processes/new", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Нов",
            ["Input.SummaryBg"] = "Кратко.",
            ["Input.StartsOn"] = "2027-01-01",
            ["Input.EndsOn"] = "2027-02-01",
            ["Input.Slug"] = "new",
        });
        Assert.Contains("Този адрес вече е зает от друг процес.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Process>().AnyAsync(p => p.Slug == "new")));
    }

    [Fact]
    public async Task Cancel_AfterTheEventWasWithdrawn_StillGivesThePlaceBack()
    {
        var process = await f.ProcessAsync();
        var person = await f.PersonAsync();
        var ev = new Event { ProcessId = process.Id, Title = new("Среща", "Meeting"), StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(1), Published = true, Capacity = 10, RegisteredCount = 1 };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(ev);
            db.Add(new EventRegistration { EventId = ev.Id, UserId = person.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var client = await f.SignedInAsync(person);
        var page = await client.HtmlAsync($"/events/{ev.Id}");
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            await db.Set<Event>().Where(e => e.Id == ev.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Published, false));
        });
        var token = Http.Token(page);
        var response = await client.PostAsync($"/events/{ev.Id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await f.DbAsync(db => db.Set<EventRegistration>().AnyAsync(r => r.EventId == ev.Id)));
    }
}

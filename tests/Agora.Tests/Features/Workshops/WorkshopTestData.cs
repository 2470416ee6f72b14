using Agora.Web.Features.Events;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Swot;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Tests.Features.Workshops;

/// <summary>Workshop processes, boards, needs and organisation representatives written straight to the database.</summary>
public static class WorkshopTestData
{
    public static Task<Process> WorkshopProcessAsync(this AgoraFactory f, AgoraUser? facilitator = null) =>
        f.ProcessAsync(components: "swot,needs,proposals", administrator: facilitator);

    /// <summary>A person who is an approved representative of a new organisation of the given kind.</summary>
    public static async Task<AgoraUser> RepresentativeAsync(this AgoraFactory f, OrganizationKind kind, string name)
    {
        var person = await f.PersonAsync();
        await f.DbAsync(async db =>
        {
            var org = new Organization { Slug = "org-" + Guid.NewGuid().ToString("N")[..10], Name = new(name, name), Kind = kind, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(org);
            db.Add(new OrganizationRepresentative { OrganizationId = org.Id, UserId = person.Id, Status = RepresentativeStatus.Approved, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return person;
    }

    public static async Task<SwotBoard> BoardAsync(this AgoraFactory f, Process process, int dots = 5,
        WorkshopEligibility eligibility = WorkshopEligibility.SignedIn, Guid? eventId = null)
    {
        var board = new SwotBoard { ProcessId = process.Id, Title = new("Табло", "Board"), DotsPerPerson = dots, Eligibility = eligibility, EventId = eventId, CreatedAt = DateTime.UtcNow };
        await f.DbAsync(async db =>
        {
            db.Add(board);
            return await db.SaveChangesAsync();
        });
        return board;
    }

    public static async Task<SwotItem> ItemAsync(this AgoraFactory f, SwotBoard board, AgoraUser author, SwotQuadrant quadrant, string text)
    {
        var item = new SwotItem { BoardId = board.Id, Quadrant = quadrant, Text = text, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.DbAsync(async db =>
        {
            db.Add(item);
            db.Add(new SwotContribution { ItemId = item.Id, UserId = author.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return item;
    }

    public static async Task<List<Need>> NeedsAsync(this AgoraFactory f, Process process, int count, RankingMethod method = RankingMethod.TopFive,
        WorkshopEligibility eligibility = WorkshopEligibility.SignedIn, Guid? eventId = null)
    {
        var needs = Enumerable.Range(0, count).Select(i => new Need
        {
            ProcessId = process.Id,
            Title = new("Нужда " + (char)('А' + i), "Need " + (char)('A' + i)),
            Area = "digital",
            Position = i,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await f.DbAsync(async db =>
        {
            db.AddRange(needs);
            db.Add(new NeedsSettings { ProcessId = process.Id, Method = method, Eligibility = eligibility, EventId = eventId });
            return await db.SaveChangesAsync();
        });
        return needs;
    }

    public static async Task<Event> WorkshopEventAsync(this AgoraFactory f, Process process, params AgoraUser[] registered)
    {
        var ev = new Event
        {
            ProcessId = process.Id,
            Title = new("Работна среща", "Workshop"),
            StartsAt = DateTime.UtcNow.AddDays(3),
            EndsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
            Published = true,
            PublishedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            RegisteredCount = registered.Length,
        };
        await f.DbAsync(async db =>
        {
            db.Add(ev);
            foreach (var u in registered)
                db.Add(new EventRegistration { EventId = ev.Id, UserId = u.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return ev;
    }

    public static string BoardUrl(Process p, SwotBoard b) => $"/processes/{p.Slug}/swot/{b.Id}";

    public static string NeedsUrl(Process p) => $"/processes/{p.Slug}/needs";
}

using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;

namespace Agora.Tests.Features.Organizations;

/// <summary>Registry test data written straight to the database.</summary>
public static class OrganizationTestData
{
    public static async Task<Organization> OrganizationAsync(this AgoraFactory f, string? bg = null, string? en = null,
        OrganizationKind kind = OrganizationKind.Ngo, bool listed = true, string sectors = "", string? website = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organization = new Organization
        {
            Slug = bg != null ? Slugs.From(bg) : "org-" + tag,
            Name = new(bg ?? "Сдружение " + tag, en ?? "Association " + tag),
            Kind = kind,
            Sectors = sectors,
            Website = website,
            Description = new("Описание.", "Description."),
            Listed = listed,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(organization);
            return await db.SaveChangesAsync();
        });
        return organization;
    }

    public static async Task RepresentativeAsync(this AgoraFactory f, Organization organization, AgoraUser user,
        RepresentativeStatus status = RepresentativeStatus.Approved) =>
        await f.DbAsync(async db =>
        {
            db.Add(new OrganizationRepresentative
            {
                OrganizationId = organization.Id,
                UserId = user.Id,
                Status = status,
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    public static Event NewEvent(Guid? processId, TimeSpan startsIn, bool published = true, string title = "Работна среща") => new()
    {
        ProcessId = processId,
        Type = EventType.Workshop,
        Format = EventFormat.InPerson,
        Title = new(title, title + " (en)"),
        StartsAt = DateTime.UtcNow + startsIn,
        EndsAt = DateTime.UtcNow + startsIn + TimeSpan.FromHours(3),
        Published = published,
        PublishedAt = published ? DateTime.UtcNow : null,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    public static async Task<Event> EventAsync(this AgoraFactory f, Guid? processId, TimeSpan startsIn, bool published = true,
        string title = "Работна среща", Organization? attendedBy = null)
    {
        var ev = NewEvent(processId, startsIn, published, title);
        await f.DbAsync(async db =>
        {
            db.Add(ev);
            if (attendedBy != null)
                db.Add(new EventOrganization { EventId = ev.Id, OrganizationId = attendedBy.Id });
            return await db.SaveChangesAsync();
        });
        return ev;
    }

    public static Task<AgoraUser> AdministratorAsync(this AgoraFactory f) => f.PersonAsync(role: Roles.Administrator, twoFactor: true);
}

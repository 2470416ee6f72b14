using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Events;

/// <summary>Test data for the events module.</summary>
public static class EventKit
{
    public static async Task<Event> EventAsync(this AgoraFactory f, Guid? processId = null, bool published = true,
        int? capacity = null, DateTime? startsAt = null, DateTime? closesAt = null, string? title = null,
        EventFormat format = EventFormat.InPerson, string? meetingUrl = null, string? description = null,
        EventType type = EventType.Workshop, string? district = null)
    {
        var starts = startsAt ?? DateTime.UtcNow.AddDays(7);
        var ev = new Event
        {
            ProcessId = processId,
            Type = type,
            Format = format,
            Title = new(title ?? "Събитие " + Guid.NewGuid().ToString("N")[..8], "Event"),
            Description = new(description ?? "Описание на **събитието**.", "About the **event**."),
            StartsAt = starts,
            EndsAt = starts.AddHours(2),
            Venue = "Зала 1",
            Address = "ул. „Московска“ 33",
            District = district,
            MeetingUrl = meetingUrl,
            Organiser = new("Столична община", "Sofia Municipality"),
            Capacity = capacity,
            RegistrationClosesAt = closesAt,
            Published = published,
            PublishedAt = published ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(ev);
            await db.SaveChangesAsync();
        });
        return ev;
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, Guid eventId) =>
        client.PostFormAsync($"/events/{eventId}", new Dictionary<string, string>(), $"/events/{eventId}?handler=Register");

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, Guid eventId) =>
        client.PostFormAsync($"/events/{eventId}", new Dictionary<string, string>(), $"/events/{eventId}?handler=Cancel");
}

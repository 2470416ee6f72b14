using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Scale;

namespace Agora.Web.Features.Events;

/// <summary>
/// Published events over the past year and the next six months, two thirds of them in a process, with registrations
/// by distinct people; RegisteredCount equals the rows and capacity is never exceeded.
/// </summary>
public sealed class EventsScale : IScaleContributor
{
    public int Order => 50;

    public string? Component => "events";

    public async Task ContributeAsync(ScaleContext context, CancellationToken ct)
    {
        var random = ScaleContext.RandomFor("events");
        var users = context.Users;
        var types = Enum.GetValues<EventType>();
        var formats = Enum.GetValues<EventFormat>();
        var counts = Distribution.HeavyTail(random, context.Size.Events, context.Size.Registrations, Math.Min(2_000, users.Length));
        var events = new Event[context.Size.Events];
        for (var i = 0; i < events.Length; i++)
        {
            var district = random.Pick(Districts.All);
            var starts = context.Now.Date.AddDays(-365 + random.Next(545)).AddHours(8 + random.Next(10));
            var format = formats[random.Next(formats.Length)];
            var kind = random.Pick(ScaleWords.EventKinds);
            var created = starts.AddDays(-30);
            events[i] = new Event
            {
                Id = context.NewId(),
                ProcessId = random.Next(3) > 0 && context.Processes.Count > 0 ? context.Processes[random.Next(context.Processes.Count)].Id : null,
                Type = types[random.Next(types.Length)],
                Format = format,
                Title = new($"{kind}: {random.Pick(ScaleWords.Things)} в {district.Bg}", $"{kind} in {district.En}"),
                Description = new(ScaleWords.Paragraph(random, 4), ""),
                StartsAt = starts,
                EndsAt = starts.AddHours(2),
                Address = format == EventFormat.Online ? "" : $"ул. „{random.Pick(ScaleWords.Surnames)}“ {1 + random.Next(120)}, {district.Bg}",
                Venue = format == EventFormat.Online ? "" : $"Читалище „{random.Pick(ScaleWords.MaleNames)} {random.Pick(ScaleWords.Surnames)}“",
                District = district.Key,
                MeetingUrl = format == EventFormat.InPerson ? null : $"https://meet.example.bg/{i + 1}",
                Organiser = new($"Район „{district.Bg}“", $"{district.En} district"),
                Capacity = random.Next(3) == 0 ? null : counts[i] + random.Next(50),
                RegisteredCount = counts[i],
                Published = true,
                PublishedAt = created,
                CreatedAt = created,
                UpdatedAt = created,
            };
        }
        await context.Writer.InsertAsync(events, ct);
        await context.Writer.InsertAsync(RegistrationsOf(events, users, random), ct);
    }

    private static IEnumerable<EventRegistration> RegistrationsOf(Event[] events, Guid[] users, Random random)
    {
        foreach (var e in events)
            foreach (var u in Distribution.Distinct(random, users.Length, e.RegisteredCount))
            {
                var at = e.CreatedAt.AddMinutes(random.Next(60 * 24 * 25));
                yield return new EventRegistration
                {
                    Id = NewId(random),
                    EventId = e.Id,
                    UserId = users[u],
                    Status = RegistrationStatus.Registered,
                    CreatedAt = at,
                    ConfirmedAt = at,
                };
            }
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Localization;

namespace Agora.Web.Features.Following;

/// <summary>A newly published event of a process: its followers get an e-mail with the date and a link.</summary>
public sealed class FollowEventHandler(FollowerMail mail) : IEventPublishedHandler
{
    public async Task OnEventPublishedAsync(Event published, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.ProcessId is not Guid processId)
            return;
        await mail.TellAsync(processId, "Following.Mail.NewEvent", published.Title,
            culture => Format.DateAndTime(published.StartsAt, Cultures.Get(culture)), "/events/" + published.Id, ct);
    }
}

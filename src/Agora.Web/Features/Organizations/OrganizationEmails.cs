using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;

namespace Agora.Web.Features.Organizations;

/// <summary>The registry's e-mails, each composed in its recipient's language and queued in the caller's unit of work.</summary>
public sealed class OrganizationEmails(Outbox outbox, PublicLinks links)
{
    public void RepresentationDecided(AgoraUser person, Organization organization, bool approved) =>
        outbox.Enqueue(person.Email!, person.PreferredCulture, l => new EmailContent(
            l[approved ? "Organizations.Email.RepApproved.Subject" : "Organizations.Email.RepDeclined.Subject", organization.Name.Current],
            [l["Email.Greeting", person.DisplayName],
             l[approved ? "Organizations.Email.RepApproved.Body" : "Organizations.Email.RepDeclined.Body", organization.Name.Current]])
        {
            ActionText = l["Organizations.Email.OpenProfile"],
            ActionUrl = links.Absolute("/organizations/" + organization.Slug),
        });

    /// <summary>
    /// The acknowledgement. Anyone may type any contact address into the form, so unless the sender proved the
    /// address (signed in with it confirmed) the e-mail carries none of the text they typed: the platform must not
    /// relay a stranger's words to an address they chose; and it is capped per address (and per account) like the
    /// account e-mails, so the form cannot be used to flood an address.
    /// </summary>
    public Task JoinReceivedAsync(JoinRequest request, Process process, bool addressProven, Guid? accountId, CancellationToken ct) =>
        outbox.EnqueueCappedAsync(MailKinds.JoinReceived, accountId, request.ContactEmail, request.Culture, l => new EmailContent(
            l["Organizations.Email.JoinReceived.Subject", process.Title.Current],
            addressProven
                ? [l["Email.Greeting", request.ContactName],
                   l["Organizations.Email.JoinReceived.Body", request.OrganizationName, process.Title.Current]]
                : [l["Organizations.Email.JoinReceived.Anonymous", process.Title.Current],
                   l["Organizations.Email.JoinReceived.NotYou"]])
        {
            ActionText = l["Organizations.Email.OpenProcess"],
            ActionUrl = links.Absolute("/processes/" + process.Slug),
        }, ct);

    public void JoinAccepted(JoinRequest request, Process process, Organization organization) =>
        outbox.Enqueue(request.ContactEmail, request.Culture, l => new EmailContent(
            l["Organizations.Email.JoinAccepted.Subject", process.Title.Current],
            [l["Email.Greeting", request.ContactName],
             l["Organizations.Email.JoinAccepted.Body", organization.Name.Current, process.Title.Current]])
        {
            ActionText = l["Organizations.Email.OpenProfile"],
            ActionUrl = links.Absolute("/organizations/" + organization.Slug),
        });

    public void JoinDeclined(JoinRequest request, Process process) =>
        outbox.Enqueue(request.ContactEmail, request.Culture, l => new EmailContent(
            l["Organizations.Email.JoinDeclined.Subject", process.Title.Current],
            [l["Email.Greeting", request.ContactName],
             l["Organizations.Email.JoinDeclined.Body", request.OrganizationName, process.Title.Current],
             l["Organizations.Email.JoinDeclined.Reason", request.DeclineReason ?? ""]]));

    public void Invitation(string email, string culture, string name, Organization organization, Event ev) =>
        outbox.Enqueue(email, culture, l => new EmailContent(
            l["Organizations.Email.Invitation.Subject", ev.Title.Current],
            [l["Email.Greeting", name],
             l["Organizations.Email.Invitation.Body", organization.Name.Current, ev.Title.Current, Format.DateAndTime(ev.StartsAt)]])
        {
            ActionText = l["Organizations.Email.Invitation.Action"],
            ActionUrl = links.Absolute("/events/" + ev.Id),
        });
}

using System.Net;
using Agora.Tests.Features.Organizations;
using Agora.Web.Features.Commitments;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Commitments;

public sealed class CommitmentTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private Task<int> CountAsync(Guid processId) => f.DbAsync(db => db.Set<Commitment>().CountAsync(c => c.ProcessId == processId));

    [Fact]
    public async Task Anonymous_SeesRegisterButIsSentToSignInToPledge()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        await f.CommitmentAsync(process, org, await f.PersonAsync(), title: "Открити данни за транспорта");
        var client = f.Browser();
        var list = await client.HtmlAsync(CommitmentTestData.Url(process));
        Assert.Contains("Открити данни за транспорта", list, StringComparison.Ordinal);
        Assert.DoesNotContain(CommitmentTestData.Url(process) + "/new", list, StringComparison.Ordinal);
        var form = await client.GetAsync(CommitmentTestData.Url(process) + "/new");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/login", form.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonRepresentative_IsRefusedWithReasonAndNothingSaved()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var person = await f.PersonAsync();
        // A pending request to represent is not enough.
        await f.RepresentativeAsync(org, person, Agora.Web.Features.Organizations.RepresentativeStatus.Pending);
        var client = await f.SignedInAsync(person);
        var form = await client.GetAsync(CommitmentTestData.Url(process) + "/new");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains("одобрените представители", await form.TextAsync(), StringComparison.Ordinal);
        var response = await client.PostFormAsync(CommitmentTestData.Url(process), CommitmentTestData.Pledge(org.Id.ToString()),
            CommitmentTestData.Url(process) + "/new");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(process.Id));
    }

    [Fact]
    public async Task RepresentativeOfAnotherOrganization_IsRefusedAndKeepsInput()
    {
        var process = await f.CommitmentProcessAsync();
        var mine = await f.OrganizationAsync();
        var other = await f.OrganizationAsync();
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(mine, rep);
        var client = await f.SignedInAsync(rep);
        var url = CommitmentTestData.Url(process) + "/new";
        // Without a needs module there is no need picker.
        Assert.DoesNotContain("Input.Need", await client.HtmlAsync(url), StringComparison.Ordinal);
        var response = await client.PostFormAsync(url, CommitmentTestData.Pledge(other.Id.ToString(), "Моят въведен ангажимент"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("само от името на организация, която представлявате", html, StringComparison.Ordinal);
        Assert.Contains("Моят въведен ангажимент", html, StringComparison.Ordinal);
        // Nor may they speak for the municipality.
        response = await client.PostFormAsync(url, CommitmentTestData.Pledge(IndexModel.Municipality));
        Assert.Contains("само фасилитаторите", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(process.Id));

        // Nor change another organisation's commitment.
        var theirs = await f.CommitmentAsync(process, other, await f.PersonAsync());
        var edit = await client.GetAsync($"{CommitmentTestData.Url(process)}/{theirs.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var update = await client.PostFormAsync($"{CommitmentTestData.Url(process)}/{theirs.Id}", new Dictionary<string, string>
        {
            ["Update.Text"] = "Чужд отчет",
            ["Update.Status"] = "Done",
        }, $"{CommitmentTestData.Url(process)}/{theirs.Id}?handler=Update");
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(CommitmentStatus.Pledged, await f.DbAsync(db => db.Set<Commitment>().Where(c => c.Id == theirs.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await f.DbAsync(db => db.Set<CommitmentUpdate>().CountAsync(u => u.CommitmentId == theirs.Id)));
    }

    [Fact]
    public async Task Representative_PledgesReportsProgressAndCompletes()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync(bg: "Сдружение Отворен град " + Guid.NewGuid().ToString("N")[..6]);
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(org, rep);
        var ev = await f.EventAsync(process.Id, TimeSpan.FromDays(-3), title: "Работна среща за нуждите");
        var client = await f.SignedInAsync(rep);
        var fields = CommitmentTestData.Pledge(org.Id.ToString(), "Експерти за стандарти на отворените данни");
        fields["Input.Brings"] = "Data";
        fields["Input.Event"] = ev.Id.ToString();
        var form = new FormUrlEncodedContent([.. fields, new("Input.Brings", "Venue"),
            new("__RequestVerificationToken", Http.Token(await client.HtmlAsync(CommitmentTestData.Url(process) + "/new")))]);
        var response = await client.PostAsync(CommitmentTestData.Url(process) + "/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await f.DbAsync(db => db.Set<Commitment>().SingleAsync(c => c.ProcessId == process.Id));
        Assert.Equal(org.Id, saved.OrganizationId);
        Assert.Equal(rep.Id, saved.AuthorId);
        Assert.Equal(CommitmentResources.Data | CommitmentResources.Venue, saved.Brings);
        Assert.Equal(ev.Id, saved.EventId);
        Assert.Equal(CommitmentStatus.Pledged, saved.Status);

        var page = await client.HtmlAsync(response.Location());
        Assert.Contains("Експерти за стандарти на отворените данни", page, StringComparison.Ordinal);
        Assert.Contains("Работна среща за нуждите", page, StringComparison.Ordinal);
        Assert.Contains("Място за срещи", page, StringComparison.Ordinal);

        var detail = response.Location();
        var update = await client.PostFormAsync(detail, new Dictionary<string, string>
        {
            ["Update.Text"] = "Сформирахме работна група.",
            ["Update.Status"] = "InProgress",
        }, detail + "?handler=Update");
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        // An empty note without a status change is refused, the status kept.
        var empty = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Update.Text"] = "  ", ["Update.Status"] = "InProgress" },
            detail + "?handler=Update");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Напишете какво е направено", await empty.TextAsync(), StringComparison.Ordinal);
        var tooLong = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Update.Text"] = new string('а', 2001), ["Update.Status"] = "InProgress" },
            detail + "?handler=Update");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await tooLong.TextAsync(), StringComparison.Ordinal);
        await client.PostFormAsync(detail, new Dictionary<string, string> { ["Update.Text"] = "", ["Update.Status"] = "Done" }, detail + "?handler=Update");

        var after = await f.DbAsync(db => db.Set<Commitment>().AsNoTracking().SingleAsync(c => c.Id == saved.Id));
        Assert.Equal(CommitmentStatus.Done, after.Status);
        Assert.Equal(2, after.UpdateCount);
        page = await f.Browser().HtmlAsync(detail);
        Assert.Contains("Сформирахме работна група.", page, StringComparison.Ordinal);
        Assert.Contains("Състояние: Изпълнен", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Update.Text", page, StringComparison.Ordinal); // no form for the anonymous reader
    }

    [Fact]
    public async Task Validation_PastDateEmptyAndTooLongTitle_AreRefusedKeepingInput()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(org, rep);
        var client = await f.SignedInAsync(rep);
        var url = CommitmentTestData.Url(process) + "/new";

        var past = await client.PostFormAsync(url, CommitmentTestData.Pledge(org.Id.ToString(), "Ангажимент с минал срок",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var html = await past.TextAsync();
        Assert.Contains("Срокът не може да е в миналото", html, StringComparison.Ordinal);
        Assert.Contains("Ангажимент с минал срок", html, StringComparison.Ordinal);

        var empty = await client.PostFormAsync(url, CommitmentTestData.Pledge(org.Id.ToString(), "   "));
        Assert.Contains("aria-invalid=\"true\"", await empty.TextAsync(), StringComparison.Ordinal);
        var tooLong = await client.PostFormAsync(url, CommitmentTestData.Pledge(org.Id.ToString(), new string('д', 201)));
        Assert.Contains("aria-invalid=\"true\"", await tooLong.TextAsync(), StringComparison.Ordinal);
        var noDate = await client.PostFormAsync(url, CommitmentTestData.Pledge(org.Id.ToString(), "Ангажимент без срок", ""));
        Assert.Contains("aria-invalid=\"true\"", await noDate.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(process.Id));
    }

    [Fact]
    public async Task Facilitator_RecordsMunicipalityPledge_EditsAnyAndHides()
    {
        var admin = await f.PersonAsync();
        var process = await f.CommitmentProcessAsync(administrator: admin);
        var org = await f.OrganizationAsync();
        var theirs = await f.CommitmentAsync(process, org, await f.PersonAsync(), title: "Ангажимент за модериране");
        var client = await f.SignedInAsync(admin);
        var response = await client.PostFormAsync(CommitmentTestData.Url(process) + "/new",
            CommitmentTestData.Pledge(IndexModel.Municipality, "Единна страница за каналите за участие"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var municipal = await f.DbAsync(db => db.Set<Commitment>().SingleAsync(c => c.ProcessId == process.Id && c.OrganizationId == null));
        Assert.Equal("Единна страница за каналите за участие", municipal.Title);
        Assert.Contains("Столична община", await f.Browser().HtmlAsync(CommitmentTestData.Url(process)), StringComparison.Ordinal);

        var edit = $"{CommitmentTestData.Url(process)}/{theirs.Id}/edit";
        var fields = CommitmentTestData.Pledge("", "Ангажимент за модериране, уточнен");
        fields.Remove("Input.Party");
        response = await client.PostFormAsync(edit, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Ангажимент за модериране, уточнен", await f.DbAsync(db => db.Set<Commitment>().Where(c => c.Id == theirs.Id).Select(c => c.Title).SingleAsync()));

        var detail = $"{CommitmentTestData.Url(process)}/{theirs.Id}";
        response = await client.PostFormAsync(detail, new Dictionary<string, string> { ["hide"] = "true" }, detail + "?handler=Hide");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Ангажимент за модериране", await f.Browser().HtmlAsync(CommitmentTestData.Url(process)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(detail)).StatusCode);
        Assert.Contains("Ангажимент за модериране", await client.HtmlAsync(CommitmentTestData.Url(process)), StringComparison.Ordinal);
        var actions = await f.DbAsync(db => db.AuditEntries.Where(a => a.ActorId == admin.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("commitment.pledge", actions);
        Assert.Contains("commitment.edit", actions);
        Assert.Contains("commitment.hide", actions);
    }

    [Fact]
    public async Task DraftOrSwitchedOff_NothingPublic()
    {
        var draft = await f.CommitmentProcessAsync(published: false);
        var org = await f.OrganizationAsync();
        await f.CommitmentAsync(draft, org, await f.PersonAsync(), title: "Ангажимент в чернова");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(CommitmentTestData.Url(draft))).StatusCode);
        Assert.DoesNotContain("Ангажимент в чернова", await f.Browser().HtmlAsync("/organizations/" + org.Slug), StringComparison.Ordinal);
        var off = await f.ProcessAsync(components: "events");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(CommitmentTestData.Url(off))).StatusCode);
    }

    [Fact]
    public async Task Profile_ListsCommitmentsWithStatusAndOverdue()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var author = await f.PersonAsync();
        await f.CommitmentAsync(process, org, author, dueInDays: -5, title: "Просрочен ангажимент на профила");
        await f.CommitmentAsync(process, org, author, status: CommitmentStatus.Done, title: "Изпълнен ангажимент на профила");
        var html = await f.Browser().HtmlAsync("/organizations/" + org.Slug);
        Assert.Contains("Просрочен ангажимент на профила (Поет, Просрочен", html, StringComparison.Ordinal);
        Assert.Contains("Изпълнен ангажимент на профила (Изпълнен", html, StringComparison.Ordinal);
        Assert.Contains(CommitmentTestData.Url(process) + "/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FlagsOverdueFiltersAndRunsFixedQueries()
    {
        var process = await f.CommitmentProcessAsync();
        var a = await f.OrganizationAsync();
        var b = await f.OrganizationAsync();
        var author = await f.PersonAsync();
        await f.CommitmentAsync(process, a, author, dueInDays: -3, title: "Закъснял ангажимент А");
        await f.CommitmentAsync(process, b, author, dueInDays: 10, title: "Навременен ангажимент Б");
        await f.CommitmentAsync(process, b, author, dueInDays: -10, status: CommitmentStatus.Withdrawn, title: "Оттеглен ангажимент Б");
        var client = f.Browser();
        var html = await client.HtmlAsync(CommitmentTestData.Url(process));
        Assert.Contains("card overdue", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "card overdue"));
        var overdue = await client.HtmlAsync(CommitmentTestData.Url(process) + "?overdue=true");
        Assert.Contains("Закъснял ангажимент А", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Навременен ангажимент Б", overdue, StringComparison.Ordinal);
        var byParty = await client.HtmlAsync(CommitmentTestData.Url(process) + "?party=" + b.Id);
        Assert.DoesNotContain("Закъснял ангажимент А", byParty, StringComparison.Ordinal);
        Assert.Contains("Навременен ангажимент Б", byParty, StringComparison.Ordinal);
        var byStatus = await client.HtmlAsync(CommitmentTestData.Url(process) + "?status=Withdrawn");
        Assert.Contains("Оттеглен ангажимент Б", byStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("Навременен ангажимент Б", byStatus, StringComparison.Ordinal);

        var workshop = await f.EventAsync(process.Id, TimeSpan.FromDays(-10), title: "Работна среща за ангажиментите");
        var atWorkshop = await f.CommitmentAsync(process, a, author, title: "Поет на работната среща");
        await f.DbAsync(db => db.Set<Commitment>().Where(c => c.Id == atWorkshop.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EventId, workshop.Id)));
        var byEvent = await client.HtmlAsync(CommitmentTestData.Url(process) + "?event=" + workshop.Id);
        Assert.Contains("Поет на работната среща", byEvent, StringComparison.Ordinal);
        Assert.DoesNotContain("Закъснял ангажимент А", byEvent, StringComparison.Ordinal);

        f.Queries.Reset();
        await client.GetAsync(CommitmentTestData.Url(process));
        var few = f.Queries.Count;
        for (var i = 0; i < 15; i++)
            await f.CommitmentAsync(process, i % 2 == 0 ? a : b, author, dueInDays: i - 5, title: "Още ангажимент " + i);
        f.Queries.Reset();
        await client.GetAsync(CommitmentTestData.Url(process));
        Assert.Equal(few, f.Queries.Count);
    }

    [Fact]
    public async Task BlockedRepresentative_CannotPledge()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(org, rep);
        var client = await f.SignedInAsync(rep);
        var html = await client.HtmlAsync(CommitmentTestData.Url(process) + "/new");
        await f.DbAsync(db => db.Users.Where(u => u.Id == rep.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.BlockedAt, DateTime.UtcNow)));
        var fields = new Dictionary<string, string>(CommitmentTestData.Pledge(org.Id.ToString())) { ["__RequestVerificationToken"] = Http.Token(html) };
        var response = await client.PostAsync(CommitmentTestData.Url(process) + "/new", new FormUrlEncodedContent(fields));
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await CountAsync(process.Id));
    }

    [Fact]
    public async Task PersonalData_IncludesPledgesAndUpdates()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var rep = await f.PersonAsync();
        await f.RepresentativeAsync(org, rep);
        var client = await f.SignedInAsync(rep);
        var created = await client.PostFormAsync(CommitmentTestData.Url(process) + "/new", CommitmentTestData.Pledge(org.Id.ToString(), "Лично записан ангажимент"));
        await client.PostFormAsync(created.Location(), new Dictionary<string, string> { ["Update.Text"] = "Личен отчет за напредъка" },
            created.Location() + "?handler=Update");
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = System.Text.RegularExpressions.Regex.Unescape(await download.Content.ReadAsStringAsync());
        Assert.Contains("Лично записан ангажимент", json, StringComparison.Ordinal);
        Assert.Contains("Личен отчет за напредъка", json, StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Events;

public sealed class OrganiserTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task<(Event Event, HttpClient Organiser)> ManagedEventAsync(int? capacity = 10)
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var ev = await f.EventAsync(process.Id, capacity: capacity);
        return (ev, await f.SignedInAsync(admin));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid eventId, string fileName, byte[] content)
    {
        var page = await (await client.GetAsync($"/events/{eventId}/report")).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Http.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/events/{eventId}/report/upload", form);
    }

    private static byte[] Docx()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                w.Write("<Types/>");
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                w.Write("<document/>");
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task Upload_ValidPdfAndDocx_AreServedAsAttachments()
    {
        var (ev, client) = await ManagedEventAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, ev.Id, "Протокол.pdf", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, ev.Id, "report.docx", Docx())).StatusCode);
        var docs = await f.DbAsync(db => db.Set<EventDocument>().Where(d => d.EventId == ev.Id).OrderBy(d => d.FileName).ToListAsync());
        Assert.Equal(2, docs.Count);

        var page = await f.Browser().HtmlAsync($"/events/{ev.Id}");
        Assert.Contains("Протокол.pdf", page, StringComparison.Ordinal);
        var pdfDoc = docs.Single(d => d.FileName == "Протокол.pdf");
        var download = await f.Browser().GetAsync($"/events/{ev.Id}/documents/{pdfDoc.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("notes.html", "<html><script>alert(1)</script></html>")]
    [InlineData("fake.pdf", "<html>not a pdf</html>")]
    [InlineData("fake.docx", "PK\u0003\u0004 not really a zip")]
    [InlineData("program.exe", "MZ\u0090\u0000")]
    public async Task Upload_WrongType_IsRefused(string name, string content)
    {
        var (ev, client) = await ManagedEventAsync();
        var response = await UploadAsync(client, ev.Id, name, Encoding.UTF8.GetBytes(content));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Приемат се само PDF, ODT и DOCX", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<EventDocument>().AnyAsync(d => d.EventId == ev.Id)));
    }

    [Fact]
    public async Task Upload_TooBig_IsRefused()
    {
        var (ev, client) = await ManagedEventAsync();
        var big = new byte[EventDocuments.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(big);
        var response = await UploadAsync(client, ev.Id, "big.pdf", big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("по-голям от 10 MB", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<EventDocument>().AnyAsync(d => d.EventId == ev.Id)));
    }

    [Fact]
    public async Task Upload_ByPlainUser_IsRefused()
    {
        var (ev, _) = await ManagedEventAsync();
        var plain = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await plain.GetAsync($"/events/{ev.Id}/report")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrations_ListCsvAndAttendance_ForOrganiser()
    {
        var (ev, organiser) = await ManagedEventAsync(capacity: 1);
        var first = await f.PersonAsync();
        await f.DbAsync(db => db.Users.Where(u => u.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "=cmd|' /C calc'!A0")));
        var second = await f.PersonAsync();
        await (await f.SignedInAsync(first)).RegisterAsync(ev.Id);
        await (await f.SignedInAsync(second)).RegisterAsync(ev.Id);

        var list = await organiser.HtmlAsync($"/events/{ev.Id}/registrations");
        Assert.Contains(first.Email!, list, StringComparison.Ordinal);
        Assert.Contains("Списък на чакащите", list, StringComparison.Ordinal);

        var csv = await organiser.GetAsync($"/events/{ev.Id}/registrations/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"Име\",\"Имейл\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'=cmd", text, StringComparison.Ordinal); // formula defused
        Assert.Contains("\"Чакащи\"", text, StringComparison.Ordinal);

        var plain = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await plain.GetAsync($"/events/{ev.Id}/registrations/csv")).Location(), StringComparison.Ordinal);

        var regId = await f.DbAsync(db => db.Set<EventRegistration>().Where(r => r.UserId == first.Id).Select(r => r.Id).SingleAsync());
        var page = await (await organiser.GetAsync($"/events/{ev.Id}/registrations")).Content.ReadAsStringAsync();
        var post = await organiser.PostAsync($"/events/{ev.Id}/registrations/attendance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Http.Token(page),
            ["present"] = regId.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<EventRegistration>().Where(r => r.Id == regId).Select(r => r.Attended == true).SingleAsync()));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => e.AttendanceCount).SingleAsync()));
    }

    [Fact]
    public async Task Report_MinutesOutcomesAndOrganizations_AreShownOnTheEventPage()
    {
        var (ev, organiser) = await ManagedEventAsync();
        var org = new Organization { Slug = "org-" + Guid.NewGuid().ToString("N")[..8], Name = new("Клъстер за тест", "Test cluster"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.DbAsync(async db => { db.Add(org); return await db.SaveChangesAsync(); });
        var response = await organiser.PostFormAsync($"/events/{ev.Id}/report", new Dictionary<string, string>
        {
            ["Input.MinutesBg"] = "Обсъдихме **нуждите**.",
            ["Input.OutcomesBg"] = "- по-силни връзки\n- отворени данни",
            ["Input.OutcomesEn"] = "- stronger links",
            ["Input.AttendanceCount"] = "27",
            ["Input.Organizations"] = org.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await f.Browser().HtmlAsync($"/events/{ev.Id}");
        Assert.Contains("<strong>нуждите</strong>", page, StringComparison.Ordinal);
        Assert.Contains("отворени данни", page, StringComparison.Ordinal);
        Assert.Contains("Присъствали: 27", page, StringComparison.Ordinal);
        Assert.Contains("Клъстер за тест", page, StringComparison.Ordinal);
        Assert.Contains("stronger links", await f.Browser("en").HtmlAsync($"/events/{ev.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventPage_JsonLd_IsEscapedSoUserTextCannotCloseTheScript()
    {
        var ev = await f.EventAsync(title: "Опит </script><script>alert(1)</script>");
        var raw = await (await f.Browser().GetAsync($"/events/{ev.Id}")).Content.ReadAsStringAsync();
        var start = raw.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start >= 0, raw.Length > 3000 ? raw[..3000] : raw);
        var end = raw.IndexOf("</script>", start, StringComparison.Ordinal);
        var json = raw[(start + "<script type=\"application/ld+json\">".Length)..end];
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("Event", doc.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Опит </script><script>alert(1)</script>", doc.RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SeededTwice_HasIccWorkshopsWithOrganizationsOnce()
    {
        await using var demo = new AgoraFactory();
        await demo.InitializeAsync();
        await demo.InScopeAsync(async sp =>
        {
            // The registry's demo (Order 20) creates the fourteen organisations before the events demo links them.
            await sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None);
        });
        await demo.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));

        var count = await demo.DbAsync(db => db.Set<Event>().CountAsync());
        Assert.Equal(4, count);
        Assert.Equal(IccOrganizations.All.Count, await demo.DbAsync(db => db.Set<EventOrganization>().CountAsync(x => x.EventId == EventsDemo.NeedsAssessmentId)));
        var page = await demo.Browser("en").HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/events?when=past");
        Assert.Contains("Needs Assessment Workshop: E-Government and Citizen Participation in Sofia", page, StringComparison.Ordinal);
        Assert.Contains("Solution maturity and strategy workshop", page, StringComparison.Ordinal);
        var workshop = await demo.Browser("bg").HtmlAsync($"/events/{EventsDemo.NeedsAssessmentId}");
        Assert.Contains("14 януари 2021 г., 10:00 ч.", workshop, StringComparison.Ordinal);
        Assert.Contains("отворени данни", workshop, StringComparison.Ordinal);
    }
}

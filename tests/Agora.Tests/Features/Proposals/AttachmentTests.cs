using System.Net;
using System.Net.Http.Headers;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

public sealed class AttachmentTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] Pdf = "%PDF-1.7 test"u8.ToArray();
    private static readonly byte[] Exe = "MZ\x90\x00 not a pdf"u8.ToArray();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string title, params (string Field, string Name, byte[] Data)[] files)
    {
        var token = Http.Token(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Описание на предложението с прикачени файлове към него."), "Input.Body" },
            { new StringContent("city"), "Input.District" },
        };
        foreach (var (field, name, data) in files)
        {
            var content = new ByteArrayContent(data);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, name);
        }
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task Upload_WrongType_IsRefused_ValidFilesAreShownAndServed()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process) + "/new";
        var refused = await PostAsync(client, url, "Предложение с лош файл", ("Documents", "virus.pdf", Exe));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Приемат се само документи PDF", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == process.Id)));

        var ok = await PostAsync(client, url, "Предложение със снимка и документ", ("Images", "map.png", Png), ("Documents", "plan.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await f.Browser().HtmlAsync(ok.Location());
        Assert.Contains("plan.pdf", page, StringComparison.Ordinal);
        var files = await f.DbAsync(db => db.Set<ProposalAttachment>().Select(a => new { a.Id, a.IsImage, a.ProposalId }).ToListAsync());
        var image = files.Single(x => x.IsImage);
        var doc = files.Single(x => !x.IsImage);
        var imageResponse = await f.Browser().GetAsync($"{ok.Location()}/files/{image.Id}");
        Assert.Equal("image/png", imageResponse.Content.Headers.ContentType?.MediaType);
        var docResponse = await f.Browser().GetAsync($"{ok.Location()}/files/{doc.Id}");
        Assert.Equal("attachment", docResponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"{ok.Location()}/files/{Guid.NewGuid()}")).StatusCode);
    }
}

using Agora.Tests.Features.Organizations;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Commitments;

public sealed class CommitmentReminderTests : IAsyncLifetime
{
    private readonly AgoraFactory f = new();

    public ValueTask InitializeAsync()
    {
        f.Settings["Agora:Commitments:ReminderWorkerEnabled"] = "false";
        return f.InitializeAsync();
    }

    public ValueTask DisposeAsync() => f.DisposeAsync();

    private Task<int> RemindAsync() => f.InScopeAsync(sp => sp.GetRequiredService<CommitmentReminders>().SendAsync(CancellationToken.None));

    [Fact]
    public async Task Overdue_RemindsRepresentativesAndAuthorOnceInTheirLanguage()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var author = await f.PersonAsync();
        var colleague = await f.PersonAsync(culture: "en");
        var stranger = await f.PersonAsync();
        await f.RepresentativeAsync(org, author);
        await f.RepresentativeAsync(org, colleague);
        var overdue = await f.CommitmentAsync(process, org, author, dueInDays: -3, title: "Просрочено публикуване на данни");
        await f.CommitmentAsync(process, org, author, dueInDays: 5, title: "Навременен ангажимент");
        await f.CommitmentAsync(process, org, author, dueInDays: -3, status: CommitmentStatus.Done, title: "Изпълнен ангажимент");
        var draft = await f.CommitmentProcessAsync(published: false);
        await f.CommitmentAsync(draft, org, author, dueInDays: -3, title: "Ангажимент в чернова");

        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync()); // claimed: not again within the interval
        var mail = await f.DeliverAsync();
        Assert.Equal(2, mail.Count);
        var bg = mail.Single(m => m.To.Mailboxes.Any(b => b.Address == author.Email));
        Assert.Contains("Просрочен ангажимент: Просрочено публикуване на данни", bg.Subject, StringComparison.Ordinal);
        var en = mail.Single(m => m.To.Mailboxes.Any(b => b.Address == colleague.Email));
        Assert.StartsWith("Overdue commitment", en.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(b => b.Address == stranger.Email));
        var link = bg.Link($"{CommitmentTestData.Url(process)}/{overdue.Id}");
        var page = await (await f.SignedInAsync(author)).HtmlAsync(link);
        Assert.Contains("Срокът изтече", page, StringComparison.Ordinal);

        // After the interval it reminds again, once.
        await f.DbAsync(db => db.Set<Commitment>().Where(c => c.Id == overdue.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastRemindedAt, DateTime.UtcNow.AddDays(-8))));
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(4, (await f.DeliverAsync()).Count);
    }

    [Fact]
    public async Task ConcurrentRuns_SendEachReminderOnce()
    {
        var process = await f.CommitmentProcessAsync();
        var org = await f.OrganizationAsync();
        var author = await f.PersonAsync();
        for (var i = 0; i < 5; i++)
            await f.CommitmentAsync(process, org, author, dueInDays: -1 - i, title: "Просрочен " + i);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RemindAsync)));
        Assert.Equal(5, runs.Sum());
        Assert.Equal(5, await f.DbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Demo_RunTwice_SameDataWithMunicipalityUpdatesAndOneOverdue()
    {
        async Task<(int Commitments, int Updates)> Counts() => await f.DbAsync(async db =>
            (await db.Set<Commitment>().CountAsync(), await db.Set<CommitmentUpdate>().CountAsync()));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var first = await Counts();
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(first, await Counts());
        Assert.True(first.Commitments >= 6);
        Assert.True(first.Updates >= 3);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var all = await f.DbAsync(db => db.Set<Commitment>().AsNoTracking().ToListAsync());
        Assert.Single(all, c => c.IsOverdueOn(today));
        Assert.Contains(all, c => c.OrganizationId == null);
        Assert.All(all, c => Assert.Equal(Agora.Web.Features.Events.EventsDemo.NeedsAssessmentId, c.EventId));
        Assert.True(all.Select(c => c.OrganizationId).Distinct().Count() >= 5);
        // Each pledge answers one of the workshop's five needs, and the detail page names it.
        var needs = await f.DbAsync(db => db.Set<Agora.Web.Features.Needs.Need>().Select(n => n.Id).ToListAsync());
        Assert.All(all, c => Assert.Contains(c.NeedId!.Value, needs));
        var bait = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/commitments/{all.Single(c => c.Id.ToString().EndsWith('1')).Id}");
        Assert.Contains("Регулации за данните и достъп до отворени данни", bait, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<Commitment>().AllAsync(c => c.UpdateCount == db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id))));

        var list = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/commitments");
        Assert.Contains("Столична община", list, StringComparison.Ordinal);
        Assert.Contains("Просрочен", list, StringComparison.Ordinal);
        var english = await f.Browser("en").HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/commitments?culture=en");
        Assert.Contains("Publishing the city's spatial data on the open data portal", english, StringComparison.Ordinal);
        var profile = await f.Browser().HtmlAsync("/organizations/bait");
        Assert.Contains("Експертна група за стандарти на отворените данни", profile, StringComparison.Ordinal);
        // Seeding does not e-mail the demo people about the overdue one.
        Assert.Equal(0, await RemindAsync());
    }
}

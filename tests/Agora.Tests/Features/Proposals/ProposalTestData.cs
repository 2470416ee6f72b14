using Agora.Web.Features.Comments;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

/// <summary>Processes with proposals switched on, proposals and comments written straight to the database.</summary>
public static class ProposalTestData
{
    public static async Task<Process> ProposalProcessAsync(this AgoraFactory f, bool creating = true, bool supporting = true,
        bool commenting = true, int threshold = 100, AgoraUser? administrator = null, DateOnly? deadline = null)
    {
        var process = await f.ProcessAsync(components: "proposals", administrator: administrator);
        await f.DbAsync(async db =>
        {
            var current = process.Phases.Single(p => p.IsCurrent);
            db.Add(new ProposalPhaseSettings { PhaseId = current.Id, CreatingEnabled = creating, SupportingEnabled = supporting, CommentingEnabled = commenting });
            db.Add(new ProposalSettings { ProcessId = process.Id, SupportThreshold = threshold, SupportDeadline = deadline, EditWindowMinutes = 60 });
            return await db.SaveChangesAsync();
        });
        return process;
    }

    public static async Task SwitchesAsync(this AgoraFactory f, Process process, bool creating, bool supporting, bool commenting) =>
        await f.DbAsync(async db =>
        {
            var current = process.Phases.Single(p => p.IsCurrent).Id;
            var row = await db.Set<ProposalPhaseSettings>().SingleAsync(s => s.PhaseId == current);
            row.CreatingEnabled = creating;
            row.SupportingEnabled = supporting;
            row.CommentingEnabled = commenting;
            return await db.SaveChangesAsync();
        });

    public static async Task<Proposal> ProposalAsync(this AgoraFactory f, Process process, AgoraUser author, string? title = null,
        string? district = null, int supports = 0, DateTime? createdAt = null)
    {
        var p = new Proposal
        {
            ProcessId = process.Id,
            AuthorId = author.Id,
            Title = title ?? "Предложение " + Guid.NewGuid().ToString("N")[..8],
            Body = "Описание на предложението, достатъчно дълго за проверките.",
            District = district,
            State = ProposalState.Published,
            SortKey = Random.Shared.Next(0, 1_000_003),
            SupportCount = supports,
            CreatedAt = createdAt ?? DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(p);
            return await db.SaveChangesAsync();
        });
        return p;
    }

    /// <summary>Top-level comments, each with one reply, inserted in bulk.</summary>
    public static async Task CommentsAsync(this AgoraFactory f, Guid proposalId, AgoraUser author, int topLevel)
    {
        await f.DbAsync(async db =>
        {
            var at = DateTime.UtcNow.AddDays(-1);
            for (var i = 0; i < topLevel; i++)
            {
                var c = new Comment { TargetType = "proposal", TargetId = proposalId, AuthorId = author.Id, Body = "Коментар " + i, Depth = 1, CreatedAt = at.AddSeconds(i), Stance = (Stance)(i % 3) };
                c.RootId = c.Id;
                var r = new Comment { TargetType = "proposal", TargetId = proposalId, AuthorId = author.Id, Body = "Отговор " + i, Depth = 2, ParentId = c.Id, RootId = c.Id, CreatedAt = at.AddSeconds(i).AddMilliseconds(500) };
                db.AddRange(c, r);
            }
            return await db.SaveChangesAsync();
        });
    }

    public static string Url(Process process, Guid? proposal = null) =>
        $"/processes/{process.Slug}/proposals" + (proposal is Guid id ? "/" + id : "");

}

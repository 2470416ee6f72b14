using Agora.Web.Features.Commitments;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Tests.Features.Commitments;

public static class CommitmentTestData
{
    public static string Url(Process p) => $"/processes/{p.Slug}/commitments";

    public static Task<Process> CommitmentProcessAsync(this AgoraFactory f, bool published = true, AgoraUser? administrator = null) =>
        f.ProcessAsync(published, "commitments,events", administrator);

    public static string Future(int days = 30) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Pledge(string party, string title = "Обучение на служителите по отворени данни", string? due = null) => new()
    {
        ["Input.Party"] = party,
        ["Input.Title"] = title,
        ["Input.Description"] = "Три обучения за служители на районните администрации.",
        ["Input.Brings"] = "Expertise",
        ["Input.DueOn"] = due ?? Future(),
    };

    /// <summary>A commitment written straight to the database.</summary>
    public static async Task<Commitment> CommitmentAsync(this AgoraFactory f, Process process, Organization? organization, AgoraUser author,
        int dueInDays = 30, CommitmentStatus status = CommitmentStatus.Pledged, string title = "Публикуване на данни за паркирането")
    {
        var c = new Commitment
        {
            ProcessId = process.Id,
            OrganizationId = organization?.Id,
            AuthorId = author.Id,
            Title = title,
            Description = "Подробности.",
            Language = "bg",
            Brings = CommitmentResources.Data | CommitmentResources.Technology,
            DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(dueInDays),
            Status = status,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(c);
            return await db.SaveChangesAsync();
        });
        return c;
    }
}

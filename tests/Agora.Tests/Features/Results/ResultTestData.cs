using Agora.Web.Features.Processes;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Tests.Features.Results;

public static class ResultTestData
{
    public static string Url(Process p) => $"/processes/{p.Slug}/results";

    public static Task<Process> ResultProcessAsync(this AgoraFactory f, AgoraUser? administrator = null, bool published = true) =>
        f.ProcessAsync(published, "results,proposals,needs,commitments", administrator);

    public static Dictionary<string, string> Form(string title = "Ремонт на читалище „Светлина“", string district = "lozenets",
        string allocated = "12 500,50", string spent = "0", string? start = null, string? due = null, string? origin = null) => new()
        {
            ["Input.Origin"] = origin ?? "",
            ["Input.TitleBg"] = title,
            ["Input.TitleEn"] = "Renovating the Svetlina community centre",
            ["Input.DescriptionBg"] = "Покрив, отопление и **достъпен вход**.",
            ["Input.DescriptionEn"] = "Roof, heating and an **accessible entrance**.",
            ["Input.District"] = district,
            ["Input.Department"] = "culture",
            ["Input.Allocated"] = allocated,
            ["Input.Spent"] = spent,
            ["Input.StartOn"] = start ?? "2026-01-15",
            ["Input.DueOn"] = due ?? "2027-06-30",
        };

    public static Dictionary<string, string> Update(string status, int progress, string text = "", string reason = "") => new()
    {
        ["Update.Status"] = status,
        ["Update.Progress"] = progress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Update.TextBg"] = text,
        ["Update.TextEn"] = "",
        ["Update.CancelReason"] = reason,
    };

    /// <summary>A result written straight to the database.</summary>
    public static async Task<TrackedResult> ResultAsync(this AgoraFactory f, Process process, AgoraUser author,
        ResultStatus status = ResultStatus.Planned, int progress = 0, string? district = null, long allocated = 100_00, long spent = 0,
        string title = "Нова детска площадка")
    {
        var r = new TrackedResult
        {
            ProcessId = process.Id,
            AuthorId = author.Id,
            Title = new LocalizedText(title, "A new playground"),
            Description = new LocalizedText("Описание.", "Description."),
            District = district,
            Department = "urban-planning",
            Status = status,
            Progress = progress,
            CancelReason = status == ResultStatus.Cancelled ? "Няма средства." : null,
            BudgetAllocatedCents = allocated,
            BudgetSpentCents = spent,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(r);
            return await db.SaveChangesAsync();
        });
        return r;
    }
}

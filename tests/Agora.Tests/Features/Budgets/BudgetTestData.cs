using Agora.Web.Features.Budgets;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Tests.Features.Budgets;

/// <summary>Budgets, projects and verified residents written straight to the database.</summary>
public static class BudgetTestData
{
    public static string Url(Process p, Budget b) => $"/processes/{p.Slug}/budgets/{b.Id}";

    public static async Task<AgoraUser> ResidentAsync(this AgoraFactory f, string district, string culture = "bg")
    {
        var person = await f.PersonAsync(culture: culture);
        await f.DbAsync(async db =>
        {
            db.Add(new ResidentVerification { UserId = person.Id, District = district, Method = InPersonMethod.MethodKey, VerifiedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return person;
    }

    /// <summary>A budget with feasible projects of the given costs in whole euro (titles "П1", "П2", ...).</summary>
    public static async Task<(Budget Budget, List<BudgetProject> Projects)> BudgetAsync(this AgoraFactory f, Process process,
        long amountEur, long[] costsEur, VotingRule rule = VotingRule.Knapsack, BudgetPhase phase = BudgetPhase.Voting,
        string? district = null, bool allowChange = false, int minPercent = 0, int minProjects = 1, int maxProjects = 3)
    {
        var budget = new Budget
        {
            ProcessId = process.Id,
            Title = new("Бюджет", "Budget"),
            District = district,
            AmountCents = amountEur * 100,
            Rule = rule,
            Phase = phase,
            AllowChange = allowChange,
            MinPercent = minPercent,
            MinProjects = minProjects,
            MaxProjects = maxProjects,
            CreatedAt = DateTime.UtcNow,
        };
        var projects = costsEur.Select((c, i) => new BudgetProject
        {
            BudgetId = budget.Id,
            Title = "П" + (i + 1),
            Description = "Описание на проекта за теста.",
            CostCents = c * 100,
            Review = ProjectReview.Feasible,
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        await f.DbAsync(async db =>
        {
            db.Add(budget);
            db.AddRange(projects);
            return await db.SaveChangesAsync();
        });
        return (budget, projects);
    }

    public static Task<HttpResponseMessage> VoteAsync(this HttpClient client, string url, params BudgetProject[] projects) =>
        client.VoteAsync(url, projects.Select(p => p.Id).ToArray());

    public static async Task<HttpResponseMessage> VoteAsync(this HttpClient client, string url, params Guid[] ids)
    {
        var html = await client.HtmlAsync(url);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Http.Token(html)) };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("Choice", id.ToString())));
        return await client.PostAsync(url + "?handler=vote", new FormUrlEncodedContent(fields));
    }
}

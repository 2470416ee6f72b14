using Agora.Web.Features.Conversations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Conversations;

/// <summary>The app with the opinion-map worker off, so tests decide when the map is recomputed.</summary>
public sealed class ConversationsFactory : AgoraFactory
{
    public ConversationsFactory()
    {
        Settings["Agora:OpinionMap:WorkerEnabled"] = "false";
        // Imports are run by the tests themselves (Imports.RunImportAsync), not by the app's worker.
        Settings["Agora:Imports:WorkerEnabled"] = "false";
    }
}

internal static class ConversationTestKit
{
    public static async Task<Conversation> ConversationAsync(this AgoraFactory f, Process process, bool allowAnonymous = false,
        bool moderate = false, bool published = true, params string[] statements)
    {
        var c = new Conversation
        {
            ProcessId = process.Id,
            Topic = new("Тестов разговор", "Test conversation"),
            AllowAnonymous = allowAnonymous,
            ModerateStatements = moderate,
            Published = published,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(c);
            await db.SaveChangesAsync();
            var service = sp.GetRequiredService<ConversationService>();
            foreach (var s in statements)
                await service.AddStatementAsync(c, null, s, seed: true, "", CancellationToken.None);
        });
        return c;
    }

    public static string Url(Process p, Conversation c, string suffix = "") => $"/processes/{p.Slug}/conversations/{c.Id}{suffix}";

    public static Task RecomputeAsync(this AgoraFactory f, Guid conversationId) =>
        f.InScopeAsync(sp => sp.GetRequiredService<OpinionMapRefresh>().RecomputeAsync(conversationId, CancellationToken.None));

    public static Task<OpinionSnapshot> SnapshotAsync(this AgoraFactory f, Guid conversationId) =>
        f.DbAsync(async db => OpinionSnapshot.FromJson(
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<ConversationResult>(), r => r.ConversationId == conversationId)).Json));

    /// <summary>Votes on the statement with the given id through the vote form.</summary>
    public static Task<HttpResponseMessage> VoteAsync(this HttpClient client, Process p, Conversation c, Guid statementId, int value) =>
        client.PostFormAsync(Url(p, c), new Dictionary<string, string>
        {
            ["statementId"] = statementId.ToString(),
            ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, Url(p, c) + "?handler=Vote");
}

/// <summary>The real Pol.is exports the repository carries in tests/data/polis (CC BY 4.0, see its README).</summary>
internal static class PolisFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "polis");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("Pol.is test data not found: no folder 'tests/data/polis' above " + AppContext.BaseDirectory);
    });

    public static string File(string conversation, string name) => Path.Combine(Root.Value, conversation, name);
}

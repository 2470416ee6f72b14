using System.Text.Json.Serialization;
using Agora.Web.Features.Workshops;

namespace Agora.Web.Features.Needs;

/// <summary>
/// The public shape of a needs ranking (GET /processes/{slug}/needs/ranking.json; later /api/v1). Stable: fields are
/// only ever added. Keys are camelCase; enums are lower-case strings; every need of the process appears, with zero
/// when nobody chose it.
/// </summary>
public sealed record RankingDocument(
    [property: JsonPropertyName("process")] string Process,
    // method: "top-five" (Borda count: rank 1 = 5 points … rank 5 = 1) or "points" (sum of 100-point ballots).
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("closed")] bool Closed,
    [property: JsonPropertyName("participants")] int Participants,
    [property: JsonPropertyName("participantsByKind")] IReadOnlyDictionary<string, int> ParticipantsByKind,
    [property: JsonPropertyName("needs")] IReadOnlyList<RankingDocument.Row> Needs)
{
    public sealed record Row(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("title")] Text Title,
        [property: JsonPropertyName("area")] string Area,
        [property: JsonPropertyName("status")] string Status,
        // Shared positions on ties: from 2, to 3 is shown "2–3".
        [property: JsonPropertyName("positionFrom")] int PositionFrom,
        [property: JsonPropertyName("positionTo")] int PositionTo,
        [property: JsonPropertyName("tied")] bool Tied,
        [property: JsonPropertyName("score")] long Score,
        [property: JsonPropertyName("participants")] int Participants,
        // Score within each stakeholder kind that took part (organisation kinds and "resident").
        [property: JsonPropertyName("scoreByKind")] IReadOnlyDictionary<string, long> ScoreByKind);

    public sealed record Text([property: JsonPropertyName("bg")] string Bg, [property: JsonPropertyName("en")] string En);

    public static string MethodKey(RankingMethod m) => m == RankingMethod.TopFive ? "top-five" : "points";

    public static string StatusKey(NeedStatus s) => s switch
    {
        NeedStatus.Identified => "identified",
        NeedStatus.Prioritised => "prioritised",
        NeedStatus.InActionPlan => "in-action-plan",
        _ => "addressed",
    };

    public static RankingDocument From(NeedsScope scope, NeedsRanking r)
    {
        var kinds = StakeholderKinds.All.Where(r.ParticipantsByKind.ContainsKey).ToList();
        return new RankingDocument(scope.Process.Slug, MethodKey(r.Method), scope.Closed, r.Participants,
            kinds.ToDictionary(k => k, k => r.ParticipantsByKind[k]),
            r.Rows.Select(x => new Row(x.Need.Id, new Text(x.Need.Title.Bg, x.Need.Title.En), x.Need.Area, StatusKey(x.Need.Status),
                x.Standing.From, x.Standing.To, x.Standing.Tied, x.Standing.Total, x.Standing.Voters,
                kinds.ToDictionary(k => k, k => r.ByKind[k].GetValueOrDefault(x.Need.Id)))).ToList());
    }
}

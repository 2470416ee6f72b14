namespace Agora.OpinionMap;

/// <summary>
/// One vote event. <paramref name="Vote"/> uses the Pol.is export sign convention:
/// agree = +1, disagree = −1, pass = 0. <paramref name="Timestamp"/> orders repeated votes
/// by the same participant on the same statement (the latest wins); equal timestamps fall back to input order.
/// </summary>
public readonly record struct VoteRecord(int ParticipantId, int StatementId, int Vote, long Timestamp = 0);

/// <summary>
/// Immutable sparse participants × statements matrix of latest votes (agree = +1, disagree = −1, pass = 0,
/// missing = no entry). Statements are ordered by id; participants by their first appearance when the votes
/// are ordered by (statement, participant, time) — the order in which Pol.is's math worker builds its rating
/// matrix (postgres.clj conv-poll orders by zid, tid, pid, created), which fixes k-means's initial centres.
/// </summary>
public sealed class VoteMatrix
{
    private readonly int[] rowStart;
    private readonly int[] columns;
    private readonly sbyte[] values;
    private readonly long[] timestamps;
    private readonly long[] firstTimestamps;
    private readonly Dictionary<int, int> participantIndex;
    private readonly Dictionary<int, int> statementIndex;

    private VoteMatrix(int[] participantIds, int[] statementIds, int[] rowStart, int[] columns, sbyte[] values, long[] timestamps, long[] firstTimestamps)
    {
        ParticipantIds = participantIds;
        StatementIds = statementIds;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.timestamps = timestamps;
        this.firstTimestamps = firstTimestamps;
        participantIndex = new Dictionary<int, int>(participantIds.Length);
        for (var i = 0; i < participantIds.Length; i++)
        {
            participantIndex[participantIds[i]] = i;
        }

        statementIndex = new Dictionary<int, int>(statementIds.Length);
        for (var j = 0; j < statementIds.Length; j++)
        {
            statementIndex[statementIds[j]] = j;
        }
    }

    /// <summary>Participant ids in row order.</summary>
    public IReadOnlyList<int> ParticipantIds { get; }

    /// <summary>Statement ids in column order (ascending).</summary>
    public IReadOnlyList<int> StatementIds { get; }

    public int ParticipantCount => ParticipantIds.Count;

    public int StatementCount => StatementIds.Count;

    /// <summary>Number of (participant, statement) cells holding a vote.</summary>
    public int VoteCount => values.Length;

    /// <summary>Builds the matrix from vote events; for each (participant, statement) the latest event wins.</summary>
    /// <exception cref="ArgumentException">A vote is not −1, 0 or +1.</exception>
    public static VoteMatrix FromVotes(IEnumerable<VoteRecord> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var events = new List<(VoteRecord Vote, int Sequence)>();
        foreach (var v in votes)
        {
            if (v.Vote is < -1 or > 1)
            {
                throw new ArgumentException(
                    $"Vote {v.Vote} of participant {v.ParticipantId} on statement {v.StatementId} is not -1, 0 or 1.", nameof(votes));
            }

            events.Add((v, events.Count));
        }

        // Sorting by (statement, participant, time, input order) both finds the latest vote per cell
        // and reproduces Pol.is's row order in one pass.
        events.Sort(static (a, b) =>
        {
            var c = a.Vote.StatementId.CompareTo(b.Vote.StatementId);
            if (c != 0)
            {
                return c;
            }

            c = a.Vote.ParticipantId.CompareTo(b.Vote.ParticipantId);
            if (c != 0)
            {
                return c;
            }

            c = a.Vote.Timestamp.CompareTo(b.Vote.Timestamp);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });

        var latest = new List<VoteRecord>(events.Count);
        var firstOfCell = new List<long>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var isFirstOfCell = i == 0
                || events[i - 1].Vote.StatementId != events[i].Vote.StatementId
                || events[i - 1].Vote.ParticipantId != events[i].Vote.ParticipantId;
            if (isFirstOfCell)
            {
                firstOfCell.Add(events[i].Vote.Timestamp);
            }

            var isLastOfCell = i + 1 == events.Count
                || events[i + 1].Vote.StatementId != events[i].Vote.StatementId
                || events[i + 1].Vote.ParticipantId != events[i].Vote.ParticipantId;
            if (isLastOfCell)
            {
                latest.Add(events[i].Vote);
            }
        }

        var participantRow = new Dictionary<int, int>();
        var participantIds = new List<int>();
        var statementIds = new List<int>();
        var rowCounts = new List<int>();
        var colOf = new int[latest.Count];
        var rowOf = new int[latest.Count];
        for (var i = 0; i < latest.Count; i++)
        {
            var v = latest[i];
            if (statementIds.Count == 0 || statementIds[^1] != v.StatementId)
            {
                statementIds.Add(v.StatementId);
            }

            if (!participantRow.TryGetValue(v.ParticipantId, out var row))
            {
                row = participantIds.Count;
                participantRow[v.ParticipantId] = row;
                participantIds.Add(v.ParticipantId);
                rowCounts.Add(0);
            }

            rowCounts[row]++;
            rowOf[i] = row;
            colOf[i] = statementIds.Count - 1;
        }

        var rowStart = new int[participantIds.Count + 1];
        for (var r = 0; r < participantIds.Count; r++)
        {
            rowStart[r + 1] = rowStart[r] + rowCounts[r];
        }

        var fill = rowStart[..^1];
        var columns = new int[latest.Count];
        var values = new sbyte[latest.Count];
        var timestamps = new long[latest.Count];
        var firstTimestamps = new long[latest.Count];

        // latest is sorted by statement, so each row's columns come out ascending.
        for (var i = 0; i < latest.Count; i++)
        {
            var at = fill[rowOf[i]]++;
            columns[at] = colOf[i];
            values[at] = (sbyte)latest[i].Vote;
            timestamps[at] = latest[i].Timestamp;
            firstTimestamps[at] = firstOfCell[i];
        }

        return new VoteMatrix([.. participantIds], [.. statementIds], rowStart, columns, values, timestamps, firstTimestamps);
    }

    /// <summary>Row index of a participant, or −1.</summary>
    public int IndexOfParticipant(int participantId) => participantIndex.TryGetValue(participantId, out var i) ? i : -1;

    /// <summary>Column index of a statement, or −1.</summary>
    public int IndexOfStatement(int statementId) => statementIndex.TryGetValue(statementId, out var j) ? j : -1;

    /// <summary>The latest vote of a participant on a statement (by id), or null when there is none.</summary>
    public int? GetVote(int participantId, int statementId)
    {
        var row = IndexOfParticipant(participantId);
        var col = IndexOfStatement(statementId);
        if (row < 0 || col < 0)
        {
            return null;
        }

        var cols = RowColumns(row);
        var k = cols.BinarySearch(col);
        return k >= 0 ? RowValues(row)[k] : null;
    }

    /// <summary>Number of votes (including passes) cast by the participant at row <paramref name="row"/>.</summary>
    public int RowVoteCount(int row) => rowStart[row + 1] - rowStart[row];

    /// <summary>Column indices (ascending) of the votes in row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowColumns(int row) => columns.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);

    /// <summary>Votes in row <paramref name="row"/>, aligned with <see cref="RowColumns"/>.</summary>
    public ReadOnlySpan<sbyte> RowValues(int row) => values.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);

    /// <summary>Time of the first vote event of each cell in row <paramref name="row"/>, aligned with <see cref="RowColumns"/>.</summary>
    internal ReadOnlySpan<long> RowFirstTimestamps(int row) => firstTimestamps.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);

    /// <summary>The latest votes as records (row order, then statement order), with the winning event's timestamp.</summary>
    public IEnumerable<VoteRecord> Votes()
    {
        for (var r = 0; r < ParticipantIds.Count; r++)
        {
            for (var k = rowStart[r]; k < rowStart[r + 1]; k++)
            {
                yield return new VoteRecord(ParticipantIds[r], StatementIds[columns[k]], values[k], timestamps[k]);
            }
        }
    }
}

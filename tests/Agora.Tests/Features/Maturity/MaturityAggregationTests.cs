using Agora.Web.Features.Maturity;
using Agora.Web.Features.Organizations;

namespace Agora.Tests.Features.Maturity;

/// <summary>The arithmetic of a round on hand-computed examples.</summary>
public sealed class MaturityAggregationTests
{
    private static readonly string[] Dims = ["a", "b"];

    private static Rating R(int assessor, string group, string dim, int current, int target) =>
        new(new Guid(assessor, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), group, dim, current, target);

    [Fact]
    public void OddCount_MedianIsMiddle_QuartilesInterpolate()
    {
        // 1 2 3 4 5: type 7 → Q1 at h = 4·0.25 = 1 → 2; median at h = 2 → 3; Q3 at h = 3 → 4; IQR 2.
        var s = MaturityAggregation.Summarise([3, 1, 5, 2, 4]);
        Assert.Equal(5, s.N);
        Assert.Equal(3, s.Median);
        Assert.Equal(2, s.Q1);
        Assert.Equal(4, s.Q3);
        Assert.Equal(2, s.Iqr);
        Assert.Equal([1, 1, 1, 1, 1], s.Distribution);
    }

    [Fact]
    public void EvenCount_MedianAveragesMiddlePair_QuartilesInterpolate()
    {
        // 1 2 2 4: median at h = 1.5 → 2 + 0.5·(2 − 2) = 2; Q1 at h = 0.75 → 1 + 0.75·1 = 1.75;
        // Q3 at h = 2.25 → 2 + 0.25·(4 − 2) = 2.5; IQR 0.75.
        var s = MaturityAggregation.Summarise([4, 2, 1, 2]);
        Assert.Equal(2, s.Median);
        Assert.Equal(1.75, s.Q1);
        Assert.Equal(2.5, s.Q3);
        Assert.Equal(0.75, s.Iqr);
        Assert.Equal([1, 2, 0, 1, 0], s.Distribution);
        // 2 3: median 2.5.
        Assert.Equal(2.5, MaturityAggregation.Median([3, 2]));
    }

    [Fact]
    public void OneAssessor_EveryQuantileIsTheValue()
    {
        var s = MaturityAggregation.Summarise([4]);
        Assert.Equal((1, 4.0, 4.0, 4.0, 0.0), (s.N, s.Median, s.Q1, s.Q3, s.Iqr));
    }

    [Fact]
    public void NoAssessors_NothingToCompute()
    {
        var s = MaturityAggregation.Summarise([]);
        Assert.Equal(0, s.N);
        Assert.Null(s.Median);
        Assert.Null(s.Q1);
        Assert.Null(s.Iqr);
        Assert.Equal([0, 0, 0, 0, 0], s.Distribution);
        var round = MaturityAggregation.Aggregate(Dims, []);
        Assert.Equal(0, round.Assessors);
        Assert.All(round.Dimensions, d => Assert.Null(d.MeanGap));
        Assert.All(round.Dimensions, d => Assert.Empty(d.Groups));
        Assert.All(round.Dimensions, d => Assert.False(d.GroupsDisagree));
    }

    [Fact]
    public void Aggregate_GapsGroupsAndDisagreement()
    {
        // Dimension a: municipality 3→4, 4→4 (median 3.5); NGOs 1→3, 2→4, 2→5 (median 2); spread 1.5 → flagged.
        // Gaps 1, 0, 2, 2, 3 → mean 8 / 5 = 1.6. Dimension b: only the first assessor, 2→2.
        var ratings = new[]
        {
            R(1, AssessorGroups.Municipality, "a", 3, 4), R(2, AssessorGroups.Municipality, "a", 4, 4),
            R(3, AssessorGroups.Ngo, "a", 1, 3), R(4, AssessorGroups.Ngo, "a", 2, 4), R(5, AssessorGroups.Ngo, "a", 2, 5),
            R(1, AssessorGroups.Municipality, "b", 2, 2),
        };
        var round = MaturityAggregation.Aggregate(Dims, ratings);
        Assert.Equal(5, round.Assessors);
        Assert.Equal(2, round.AssessorsByGroup[AssessorGroups.Municipality]);
        Assert.Equal(3, round.AssessorsByGroup[AssessorGroups.Ngo]);
        var a = round.Dimensions[0];
        Assert.Equal("a", a.Dimension);
        Assert.Equal(5, a.N);
        Assert.Equal(2, a.Current.Median);   // 1 2 2 3 4
        Assert.Equal(4, a.Target.Median);    // 3 4 4 4 5
        Assert.Equal(1.6, a.MeanGap!.Value, 10);
        Assert.Equal([AssessorGroups.Municipality, AssessorGroups.Ngo], a.Groups.Select(g => g.Group));
        Assert.Equal(3.5, a.Groups[0].MedianCurrent);
        Assert.Equal(0.5, a.Groups[0].MeanGap);
        Assert.Equal(2, a.Groups[1].MedianCurrent);
        Assert.Equal(1.5, a.GroupSpread);
        Assert.True(a.GroupsDisagree);
        var b = round.Dimensions[1];
        Assert.Equal(1, b.N);
        Assert.Equal(0, b.MeanGap);
        Assert.Null(b.GroupSpread); // one group: nothing to disagree with
        Assert.False(b.GroupsDisagree);
    }

    [Fact]
    public void Compare_ChangeOfMedianWithCounts()
    {
        var before = MaturityAggregation.Aggregate(Dims, [R(1, "ngo", "a", 1, 3), R(2, "ngo", "a", 2, 3), R(1, "ngo", "b", 3, 3)]);
        var after = MaturityAggregation.Aggregate(Dims, [R(1, "ngo", "a", 2, 3), R(2, "ngo", "a", 3, 3), R(3, "business", "a", 3, 4)]);
        var changes = MaturityAggregation.Compare(before, after);
        // a: median 1.5 (n 2) → 3 (n 3): +1.5. b: 3 (n 1) → nothing (n 0): no change computable.
        Assert.Equal(new DimensionChange("a", 2, 1.5, 3, 3), changes[0]);
        Assert.Equal(1.5, changes[0].Change);
        Assert.Equal(new DimensionChange("b", 1, 3, 0, null), changes[1]);
        Assert.Null(changes[1].Change);
    }

    [Fact]
    public void Show_TwoDecimalsInvariant()
    {
        Assert.Equal("1.67", MaturityAggregation.Show(5.0 / 3));
        Assert.Equal("2.5", MaturityAggregation.Show(2.5));
        Assert.Equal("3", MaturityAggregation.Show(3));
        Assert.Equal("", MaturityAggregation.Show(null));
    }

    [Fact]
    public void AssessorGroups_FromStaffAndOrganisationKind()
    {
        Assert.Equal(AssessorGroups.Municipality, AssessorGroups.Of(true, OrganizationKind.Company));
        Assert.Equal(AssessorGroups.Municipality, AssessorGroups.Of(false, OrganizationKind.PublicBody));
        Assert.Equal(AssessorGroups.Business, AssessorGroups.Of(false, OrganizationKind.ClusterOrAssociation));
        Assert.Equal(AssessorGroups.Ngo, AssessorGroups.Of(false, OrganizationKind.CitizenGroup));
        Assert.Equal(AssessorGroups.Academia, AssessorGroups.Of(false, OrganizationKind.UniversityOrSchool));
        Assert.Equal(AssessorGroups.Resident, AssessorGroups.Of(false, null));
    }

    [Fact]
    public void Admit_ByAssessorSet()
    {
        Assert.Equal((AssessorGroups.Municipality, null), MaturityService.Admit(AssessorSet.Municipality, true, null));
        Assert.Equal((null, "Maturity.Refused.NotAssessor"), MaturityService.Admit(AssessorSet.Municipality, false, OrganizationKind.Ngo));
        Assert.Equal((AssessorGroups.Ngo, null), MaturityService.Admit(AssessorSet.Representatives, false, OrganizationKind.Ngo));
        Assert.Equal((null, "Maturity.Refused.NotAssessor"), MaturityService.Admit(AssessorSet.Representatives | AssessorSet.Municipality, false, null));
        Assert.Equal((AssessorGroups.Resident, null), MaturityService.Admit(AssessorSet.Residents, false, null));
    }

    [Fact]
    public void Radar_ValueFiveOnRim_AxisZeroPointsUp()
    {
        var chart = new RadarChart("c", "t", "s", "d", ["x", "y", "z", "w"], []);
        var (x, y) = chart.Point(0, 5);
        Assert.Equal(RadarChart.Center, x, 6);
        Assert.Equal(RadarChart.Center - RadarChart.Radius, y, 6);
        var (x1, y1) = chart.Point(1, 2.5); // a quarter turn clockwise, half way out
        Assert.Equal(RadarChart.Center + (RadarChart.Radius / 2), x1, 6);
        Assert.Equal(RadarChart.Center, y1, 6);
    }
}

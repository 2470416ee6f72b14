namespace Agora.Web.Features.Organizations;

/// <summary>
/// The fourteen organisations the founding document thanks for taking part in the first ICC workshop
/// (14 January 2021), with their real names and kinds. The registry's demo creates them; the events demo records
/// them as participants of that workshop, finding them by slug.
/// </summary>
public static class IccOrganizations
{
    public sealed record Entry(string Slug, string Bg, string En, OrganizationKind Kind, string? Website);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("biotehnologichen-i-zdraven-klastar-balgaria", "Биотехнологичен и здравен клъстер България", "Bulgarian Biotechnology and Health Cluster", OrganizationKind.ClusterOrAssociation, null),
        new("bait", "Българска асоциация по информационни технологии (БАИТ)", "Bulgarian Association of Information Technologies (BAIT)", OrganizationKind.ClusterOrAssociation, "https://www.bait.bg"),
        new("para", "Българска асоциация по роботика и автоматизация (ПАРА)", "Bulgarian Association of Robotics and Automation (PARA)", OrganizationKind.ClusterOrAssociation, null),
        new("bkb", "Българско конгресно бюро (БКБ)", "Bulgarian Convention Bureau (BCB)", OrganizationKind.ClusterOrAssociation, null),
        new("brait", "Българска работодателска асоциация „Иновативни технологии“ (БРАИТ)", "Bulgarian Employers' Association \"Innovative Technologies\" (BRAIT)", OrganizationKind.ClusterOrAssociation, null),
        new("bfa", "Българска финтех асоциация (БФА)", "Bulgarian FinTech Association (BFA)", OrganizationKind.ClusterOrAssociation, null),
        new("klastar-izkustven-intelekt-balgaria", "Клъстер „Изкуствен интелект“ България", "Artificial Intelligence Cluster Bulgaria", OrganizationKind.ClusterOrAssociation, null),
        new("btsnp", "Български център за нестопанско право (БЦНП)", "Bulgarian Center for Not-for-Profit Law (BCNL)", OrganizationKind.Ngo, "https://bcnl.org"),
        new("viziya-za-sofia", "Визия за София", "Vision for Sofia", OrganizationKind.PublicBody, null),
        new("sofiyaplan", "Софияплан", "Sofiaplan", OrganizationKind.PublicBody, "https://sofiaplan.bg"),
        new("rezonator", "Резонатор", "Resonator", OrganizationKind.Ngo, null),
        new("sofia-teh-park", "София Тех Парк", "Sofia Tech Park", OrganizationKind.PublicBody, "https://sofiatech.bg"),
        new("fond-na-fondovete", "Фонд на фондовете", "Fund of Funds", OrganizationKind.PublicBody, "https://www.fmfib.bg"),
        new("tsentar-za-gradska-mobilnost", "Център за градска мобилност", "Urban Mobility Center", OrganizationKind.PublicBody, "https://www.sofiatraffic.bg"),
    ];
}

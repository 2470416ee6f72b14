using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Text;

namespace Agora.Tests.Features.Processes;

public sealed class SlugTests
{
    [Theory]
    [InlineData("София", "Sofia")]
    [InlineData("България", "Balgaria")]
    [InlineData("Щастие", "Shtastie")]
    [InlineData("Юлия", "Yulia")]
    [InlineData("Ямбол", "Yambol")]
    [InlineData("Жечка Цветанова", "Zhechka Tsvetanova")]
    [InlineData("Христо Ботев", "Hristo Botev")]
    [InlineData("Калояновия път", "Kaloyanovia pat")]
    [InlineData("лияне", "liyane")]
    [InlineData("ЩИТ", "SHTIT")]
    [InlineData("Georgi Petrov", "Georgi Petrov")]
    public void Transliterate_BulgarianText_FollowsThe2009Act(string cyrillic, string latin) =>
        Assert.Equal(latin, Slugs.Transliterate(cyrillic));

    [Theory]
    [InlineData("Електронно управление и гражданско участие", "elektronno-upravlenie-i-grazhdansko-uchastie")]
    [InlineData("  Бюджет 2027: Студентски град!  ", "byudzhet-2027-studentski-grad")]
    [InlineData("Café — naïve", "cafe-naive")]
    [InlineData("!!!", "")]
    public void From_Title_GivesLowercaseAsciiSlug(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void From_LongTitle_CutsAtAWordBoundary()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("участие", 30)));
        Assert.True(slug.Length <= 80);
        Assert.EndsWith("uchastie", slug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UniqueAsync_TakenSlugs_AppendsANumber()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "sofia", "sofia-2" };
        Assert.Equal("sofia-3", await Slugs.UniqueAsync("София", s => Task.FromResult(taken.Contains(s))));
        Assert.Equal("item", await Slugs.UniqueAsync("***", _ => Task.FromResult(false)));
    }

    [Fact]
    public void Districts_AreSofiasTwentyFour_WithTransliteratedKeys()
    {
        Assert.Equal(24, Districts.All.Count);
        Assert.Equal(24, Districts.All.Select(d => d.Key).Distinct().Count());
        Assert.Equal("krasna-polyana", Districts.All.Single(d => d.Bg == "Красна поляна").Key);
        Assert.Equal("Ovcha Kupel", Districts.Find("ovcha-kupel")!.En);
        Assert.Equal("Triaditsa", Districts.Find("triaditsa")!.En);
        Assert.False(Districts.IsKnown("plovdiv"));
    }
}

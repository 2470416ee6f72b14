using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Search;

/// <summary>
/// A judged set on the Sofia demo: for each query, the item a person typing it is looking for, and how high it must
/// come (first, or in the first three where other items are as much about the words). Word forms, Latin spelling,
/// English, a typo and several words each have their cases. A change that speeds search up must keep these; a change
/// that hurts ranking shows here with the query it hurt.
/// </summary>
public sealed partial class JudgedSearchTests(JudgedSearchTests.Demo demo) : IClassFixture<JudgedSearchTests.Demo>
{
    /// <summary>The demo, seeded and indexed once for the whole set.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        public SearchFactory F { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await F.InitializeAsync();
            await F.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
            await F.ApplyAsync();
        }

        public async ValueTask DisposeAsync() => await F.DisposeAsync();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>(query, kind of the item, words of its title, within the first N results).</summary>
    public static TheoryData<string, string, string, int> Judged => new()
    {
        { "детски градини", "proposal", "детски градини с ясна опашка", 1 },
        { "прием в детска градина", "proposal", "детски градини с ясна опашка", 1 },
        { "електронен подпис", "proposal", "Електронен подпис за подписки и петиции", 1 },
        { "петиция", "proposal", "Електронен подпис за подписки и петиции", 1 },
        { "компютри за самообслужване", "proposal", "компютри за самообслужване", 1 },
        { "самообслужавне", "proposal", "компютри за самообслужване", 1 },
        { "разкопки", "proposal", "Карта на ремонтите и разкопките", 1 },
        { "градски транспорт в реално време", "proposal", "Отворени данни за градския транспорт", 1 },
        { "консултации за наредби", "proposal", "Публични онлайн консултации за нови наредби", 1 },
        { "obucheniya v chitalishtata", "proposal", "Обучения по цифрови умения за възрастни в читалищата", 1 },
        { "машинночетим бюджет", "proposal", "машинночетим формат", 1 },
        { "услуги за възрастните хора", "debate", "достъпни и за възрастните хора", 3 },
        { "Перловската река", "budget-project", "Зелен коридор по Перловската река", 3 },
        { "велоалея", "budget-project", "Велоалея по бул. „Тодор Александров“", 1 },
        { "питейни фонтанчета", "budget-project", "Питейни фонтанчета в парковете", 1 },
        { "хакатон", "commitment", "техническо осигуряване за хакатон", 3 },
        { "пространствени данни", "commitment", "Публикуване на пространствени данни", 1 },
        { "Kazhi na grada", "commitment", "кампания „Кажи на града“", 1 },
        { "fund of funds", "organization", "Фонд на фондовете", 1 },
        { "асоциация по информационни технологии", "organization", "Българска асоциация по информационни технологии", 1 },
        { "изкуствен интелект", "organization", "Клъстер „Изкуствен интелект“ България", 3 },
        { "обсъждане в Младост", "event", "Публично обсъждане: електронни услуги в район „Младост“", 1 },
        { "уебинар", "event", "Уебинар: как да предложим мярка", 1 },
        { "доверие в участието", "swot-item", "Ниско доверие в процесите за участие", 3 },
    };

    [Theory]
    [MemberData(nameof(Judged))]
    public void The_item_looked_for_comes_first(string query, string kind, string title, int within)
    {
        var hits = demo.F.Search(query).Hits;
        var top = hits.Take(within).Select(h => (h.Kind, Title: Tags().Replace(h.TitleHtml, ""))).ToList();
        Assert.True(top.Any(h => h.Kind == kind && h.Title.Contains(title, StringComparison.OrdinalIgnoreCase)),
            $"\"{query}\": expected the {kind} \"{title}\" in the first {within}; got: "
            + string.Join(" | ", hits.Take(5).Select(h => h.Kind + ": " + Tags().Replace(h.TitleHtml, ""))));
    }
}

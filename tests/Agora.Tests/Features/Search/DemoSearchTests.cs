using Agora.Web.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Search;

/// <summary>The acceptance on the Sofia demo: each query finds demo items that hold its words in other forms or scripts.</summary>
public sealed class DemoSearchTests
{
    [Fact]
    public async Task The_demo_answers_the_acceptance_queries()
    {
        var f = new SearchFactory();
        await f.InitializeAsync();
        await using var _ = f;
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await f.ApplyAsync();

        // "улиците" → "улици" (a proposal about works on the streets of Lyulin).
        Assert.Contains(f.Search("улиците").Hits, h => h.Kind == "proposal" && h.SnippetHtml.Contains("<mark>улици</mark>", StringComparison.Ordinal));
        // "гласуваха" → "гласуването" (the learning hub, the workshop methods).
        Assert.Contains(f.Search("гласуваха").Hits, h => (h.TitleHtml + h.SnippetHtml).Contains("<mark>гласуването</mark>", StringComparison.OrdinalIgnoreCase));
        // "отворени данни" and its Latin spelling → the open-data commitment.
        Assert.Contains(f.Search("отворени данни").Hits, h => h.Kind == "commitment");
        Assert.Contains(f.Search("otvoreni danni").Hits, h => h.Kind == "commitment");
        // "sofia tech park" → "София Тех Парк" in a SWOT item and the hackathon commitment.
        var park = f.Search("sofia tech park").Hits;
        Assert.Contains(park, h => h.Kind == "swot-item");
        Assert.Contains(park, h => h.Kind == "commitment");
    }
}

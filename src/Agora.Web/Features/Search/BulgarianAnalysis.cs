using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Agora.Web.Features.Search;

/// <summary>
/// Lucene's Bulgarian analysis (stop words, Savoy's light stemmer for nouns and adjectives) plus one step for verbs,
/// which that stemmer leaves alone: "гласуваха", "гласувал", "гласуването" and "гласува" all become "гласув".
/// </summary>
public static partial class BulgarianAnalysis
{
    public static Analyzer Create() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(SearchFields.Version, reader);
        TokenStream stream = new StandardFilter(SearchFields.Version, tokenizer);
        stream = new LowerCaseFilter(SearchFields.Version, stream);
        stream = new StopFilter(SearchFields.Version, stream, BulgarianAnalyzer.DefaultStopSet);
        stream = new BulgarianStemFilter(stream);
        stream = new VerbFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The stem of a verb of the -ва/-ира/-ова classes without its person, tense or participle ending.</summary>
    public static string StemVerb(string stem)
    {
        var m = VerbEnding().Match(stem);
        return m.Success ? m.Groups[1].Value : stem;
    }

    [GeneratedRegex("^(.{3,}(?:в|ир|ов))а(?:х|хм|хт|л|н|м|ш|т|ни|щ)?$")]
    private static partial Regex VerbEnding();

    private sealed class VerbFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;

        public VerbFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            var s = term.ToString();
            var stemmed = StemVerb(s);
            if (stemmed.Length != s.Length)
                term.SetEmpty().Append(stemmed);
            return true;
        }
    }
}

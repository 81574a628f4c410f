using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// English analysis for articles and queries: Unicode word tokens, possessives removed, lower case, ASCII folding,
/// IT synonyms (canonical term stacked on each variant), stop words, Porter stemming. The same chain runs at index
/// and query time so variants, plurals and accents meet.
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    /// <summary>The Lucene compatibility version used throughout.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Token type the synonym filter gives to injected canonical terms.</summary>
    public const string SynonymTokenType = "SYNONYM";

    private readonly SynonymTable? _synonyms;

    /// <summary>Creates the analyzer with the built-in IT synonyms.</summary>
    public KnowledgeAnalyzer()
        : this(ItSynonyms.Default)
    {
    }

    /// <summary>Creates the analyzer with the given synonyms (null: no synonyms).</summary>
    public KnowledgeAnalyzer(ItSynonyms? synonyms) => _synonyms = synonyms?.Table;

    /// <summary>Keeps phrases from matching across the values of a multi-valued field (e.g. two aliases).</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        if (_synonyms is not null)
        {
            stream = new PhraseSynonymFilter(stream, _synonyms);
        }

        stream = new StopFilter(Version, stream, StopWords.Set);
        stream = new PorterStemFilter(stream);

        // A variant that stems to its canonical term ("crashing" → "crash" plus the synonym "crash") counts once.
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Builds Lucene queries from user text programmatically (no query parser, so Lucene syntax in the text is just
/// text): every query word is a disjunction over the boosted fields (typed word and its synonyms), adjacent word
/// pairs add a sloppy phrase boost, and words the index does not know get typo-tolerant fuzzy variants.
/// </summary>
internal sealed class KnowledgeQueryBuilder(Analyzer analyzer)
{
    /// <summary>Longest user text analyzed; the rest is ignored.</summary>
    public const int MaxQueryChars = 1000;

    private static readonly string[] FuzzyFields = [IndexFields.Title, IndexFields.Body];
    private static readonly string[] PhraseFields = [IndexFields.Title, IndexFields.Body];

    /// <summary>Analyzes user text into position groups (at most <paramref name="maxTerms"/>).</summary>
    public IReadOnlyList<QueryGroup> Analyze(string? text, int maxTerms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.Length > MaxQueryChars)
        {
            text = text[..MaxQueryChars];
        }

        var groups = new List<(int Position, List<QueryTerm> Terms)>();
        using var stream = analyzer.GetTokenStream(IndexFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var kind = type.Type == KnowledgeAnalyzer.SynonymTokenType ? QueryTermKind.Synonym : QueryTermKind.Typed;
            var surface = text[Math.Min(offset.StartOffset, text.Length)..Math.Min(offset.EndOffset, text.Length)];
            var queryTerm = new QueryTerm(term.ToString(), kind, surface);
            if (groups.Count > 0 && groups[^1].Position == position)
            {
                if (!groups[^1].Terms.Any(t => t.Text == queryTerm.Text))
                {
                    groups[^1].Terms.Add(queryTerm);
                }
            }
            else if (groups.Count < maxTerms)
            {
                groups.Add((position, [queryTerm]));
            }
        }

        stream.End();
        return groups.Select(g => new QueryGroup(g.Position, g.Terms)).ToArray();
    }

    /// <summary>Builds the word query and the phrase boosts; null when there is nothing to search for.</summary>
    /// <param name="groups">Analyzed query.</param>
    /// <param name="reader">Index reader (document frequencies decide which words get fuzzy variants).</param>
    /// <param name="tuning">Ranking parameters.</param>
    /// <param name="fuzzyAll">Give every long-enough word fuzzy variants (used when exact matching finds little).</param>
    public BuiltQuery? Build(IReadOnlyList<QueryGroup> groups, IndexReader reader, SearchTuning tuning, bool fuzzyAll)
    {
        if (groups.Count == 0)
        {
            return null;
        }

        var fields = FieldBoosts(tuning);
        var words = new BooleanQuery(disableCoord: false);
        foreach (var group in groups)
        {
            var clause = new DisjunctionMaxQuery(tuning.TieBreaker);
            foreach (var (field, boost) in fields.Where(f => f.Boost > 0))
            {
                foreach (var queryTerm in group.Terms)
                {
                    var weight = queryTerm.IsSynonym ? tuning.SynonymWeight : 1f;
                    clause.Add(new TermQuery(new Term(field, queryTerm.Text)) { Boost = boost * weight });
                }
            }

            var primary = group.Primary;
            if (primary.Kind == QueryTermKind.Typed && NeedsFuzzy(primary, reader, tuning, fuzzyAll))
            {
                var maxEdits = primary.Surface.Length >= tuning.FuzzyTwoEditsMinLength ? 2 : 1;
                foreach (var field in FuzzyFields)
                {
                    var boost = fields.First(f => f.Field == field).Boost;
                    if (boost <= 0)
                    {
                        continue;
                    }

                    clause.Add(new FuzzyQuery(new Term(field, primary.Text), maxEdits, prefixLength: 1, tuning.FuzzyMaxExpansions, transpositions: true)
                    {
                        Boost = boost * tuning.FuzzyWeight,
                    });
                }
            }

            words.Add(clause, Occur.SHOULD);
        }

        if (groups.Count <= 1 || tuning.PhraseBoost <= 0)
        {
            return new BuiltQuery(words, null);
        }

        var phrases = new BooleanQuery(disableCoord: true);
        for (var i = 0; i + 1 < groups.Count; i++)
        {
            var first = groups[i];
            var second = groups[i + 1];
            var gap = second.Position - first.Position;
            var pair = new DisjunctionMaxQuery(0f) { Boost = tuning.PhraseBoost };
            foreach (var field in PhraseFields)
            {
                var phrase = new PhraseQuery { Slop = tuning.PhraseSlop };
                phrase.Add(new Term(field, first.Primary.Text), 0);
                phrase.Add(new Term(field, second.Primary.Text), gap);
                pair.Add(phrase);
            }

            phrases.Add(pair, Occur.SHOULD);
        }

        return new BuiltQuery(words, phrases);
    }

    private static (string Field, float Boost)[] FieldBoosts(SearchTuning tuning) =>
    [
        (IndexFields.Title, tuning.TitleBoost),
        (IndexFields.Aliases, tuning.AliasesBoost),
        (IndexFields.Tags, tuning.TagsBoost),
        (IndexFields.Summary, tuning.SummaryBoost),
        (IndexFields.Headings, tuning.HeadingsBoost),
        (IndexFields.Body, tuning.BodyBoost),
    ];

    private static bool NeedsFuzzy(QueryTerm term, IndexReader reader, SearchTuning tuning, bool fuzzyAll)
    {
        if (term.Surface.Length < tuning.FuzzyMinLength || term.Surface.Length > tuning.FuzzyMaxLength || !term.Text.All(char.IsLetter))
        {
            return false;
        }

        if (fuzzyAll)
        {
            return true;
        }

        var docFreq = reader.DocFreq(new Term(IndexFields.Body, term.Text))
            + reader.DocFreq(new Term(IndexFields.Title, term.Text))
            + reader.DocFreq(new Term(IndexFields.Aliases, term.Text));
        return docFreq < tuning.FuzzyMaxDocFreq;
    }
}

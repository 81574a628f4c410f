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
    /// <param name="terms">The query's term lookups (document frequencies decide which words get fuzzy variants;
    /// terms no document has are left out, which changes no score).</param>
    /// <param name="fuzzy">The query's typo expansions (fuzzy variants are added already rewritten).</param>
    /// <param name="tuning">Ranking parameters.</param>
    /// <param name="fuzzyAll">Give every long-enough word fuzzy variants (used when exact matching finds little).</param>
    public BuiltQuery? Build(IReadOnlyList<QueryGroup> groups, TermLookup terms, FuzzyExpansion fuzzy, SearchTuning tuning, bool fuzzyAll)
    {
        if (groups.Count == 0)
        {
            return null;
        }

        var fields = FieldBoosts(tuning);
        var words = new BooleanQuery(disableCoord: false);
        foreach (var group in groups)
        {
            // A group whose terms are all unknown stays as an empty clause: it still counts for the coordination
            // reward (matched / total query words), as the term queries that match nothing did.
            var clause = new DisjunctionMaxQuery(tuning.TieBreaker);
            foreach (var (field, boost) in fields)
            {
                if (boost <= 0)
                {
                    continue;
                }

                foreach (var queryTerm in group.Terms)
                {
                    var weight = queryTerm.IsSynonym ? tuning.SynonymWeight : 1f;
                    if (terms.Query(field, queryTerm.Text, boost * weight) is { } termQuery)
                    {
                        clause.Add(termQuery);
                    }
                }
            }

            var primary = group.Primary;
            if (primary.Kind == QueryTermKind.Typed && NeedsFuzzy(primary, terms, tuning, fuzzyAll))
            {
                var maxEdits = primary.Surface.Length >= tuning.FuzzyTwoEditsMinLength ? 2 : 1;
                foreach (var field in FuzzyFields)
                {
                    var boost = BoostOf(fields, field);
                    if (boost <= 0)
                    {
                        continue;
                    }

                    clause.Add(fuzzy.Expand(new Term(field, primary.Text), maxEdits, prefixLength: 1, tuning.FuzzyMaxExpansions, transpositions: true, boost * tuning.FuzzyWeight));
                }
            }

            words.Add(clause, Occur.SHOULD);
        }

        if (groups.Count <= 1 || tuning.PhraseBoost <= 0)
        {
            return new BuiltQuery(words, null);
        }

        var phrases = new BooleanQuery(disableCoord: true);
        var anyPhrase = false;
        for (var i = 0; i + 1 < groups.Count; i++)
        {
            var first = groups[i];
            var second = groups[i + 1];
            var gap = second.Position - first.Position;
            var pair = new DisjunctionMaxQuery(0f) { Boost = tuning.PhraseBoost };
            foreach (var field in PhraseFields)
            {
                // A phrase with a word the field does not have matches nothing; leaving it out changes no score.
                if (terms.DocFreq(field, first.Primary.Text) == 0 || terms.DocFreq(field, second.Primary.Text) == 0)
                {
                    continue;
                }

                var phrase = new PhraseQuery { Slop = tuning.PhraseSlop };
                phrase.Add(new Term(field, first.Primary.Text), 0);
                phrase.Add(new Term(field, second.Primary.Text), gap);
                pair.Add(phrase);
                anyPhrase = true;
            }

            phrases.Add(pair, Occur.SHOULD);
        }

        return new BuiltQuery(words, anyPhrase ? phrases : null);
    }

    private static float BoostOf((string Field, float Boost)[] fields, string field)
    {
        foreach (var (name, boost) in fields)
        {
            if (name == field)
            {
                return boost;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field), field, "not a boosted field");
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

    private static bool NeedsFuzzy(QueryTerm term, TermLookup terms, SearchTuning tuning, bool fuzzyAll)
    {
        if (term.Surface.Length < tuning.FuzzyMinLength || term.Surface.Length > tuning.FuzzyMaxLength || !term.Text.All(char.IsLetter))
        {
            return false;
        }

        if (fuzzyAll)
        {
            return true;
        }

        var docFreq = terms.DocFreq(IndexFields.Body, term.Text)
            + terms.DocFreq(IndexFields.Title, term.Text)
            + terms.DocFreq(IndexFields.Aliases, term.Text);
        return docFreq < tuning.FuzzyMaxDocFreq;
    }
}

using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Indexing;
using Helpdesk.KnowledgeIndex.Semantic;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Runs a user query against one index snapshot and shapes the hits (stateless apart from analyzers).</summary>
internal sealed class KnowledgeSearcher : IDisposable
{
    private static readonly HashSet<string> ResultFields =
    [
        IndexFields.Id, IndexFields.Path, IndexFields.Title, IndexFields.Summary, IndexFields.Text,
        IndexFields.Category, IndexFields.Attribution,
    ];


    private readonly KnowledgeAnalyzer _analyzer = new();
    private readonly KnowledgeQueryBuilder _queries;
    private readonly SnippetBuilder _snippets;
    private readonly FeedbackTerms _feedbackTerms;
    private readonly Dictionary<string, string[]> _variantKeys;

    public KnowledgeSearcher()
    {
        _queries = new KnowledgeQueryBuilder(_analyzer);
        _snippets = new SnippetBuilder(_analyzer);
        _feedbackTerms = new FeedbackTerms(_analyzer);
        _variantKeys = BuildVariantKeys();
    }

    /// <summary>Searches and returns hits with snippets.</summary>
    public IReadOnlyList<KnowledgeSearchResult> Search(IndexSearcher searcher, string? text, int top, SearchTuning tuning, SemanticReranker? semantic = null)
    {
        var (groups, query, hits, lookup) = Execute(searcher, text, top, tuning, semantic);
        if (hits.Length == 0)
        {
            return [];
        }

        var terms = SnippetTermsFor(groups, query!, lookup);
        var results = new List<KnowledgeSearchResult>(hits.Length);
        foreach (var hit in hits)
        {
            var document = searcher.Doc(hit.Doc, ResultFields);
            var summary = document.Get(IndexFields.Summary) ?? string.Empty;
            var snippet = _snippets.Build(document.Get(IndexFields.Text) ?? string.Empty, terms, summary);
            results.Add(new KnowledgeSearchResult(
                document.Get(IndexFields.Id),
                document.Get(IndexFields.Title),
                summary,
                snippet.Text,
                snippet.Highlights,
                hit.Score,
                document.Get(IndexFields.Path),
                document.Get(IndexFields.Category),
                document.Get(IndexFields.Attribution)));
        }

        return results;
    }

    /// <summary>Searches and returns ids, paths and scores only (for evaluation and batch runs).</summary>
    public IReadOnlyList<RankedArticle> Rank(IndexSearcher searcher, string? text, int top, SearchTuning tuning, SemanticReranker? semantic = null)
    {
        var (_, _, hits, _) = Execute(searcher, text, top, tuning, semantic);
        var values = new HitValues(searcher.IndexReader);
        return hits
            .Select(hit => (Hit: hit, Values: values.IdAndPath(hit.Doc)))
            .Select(h => new RankedArticle(h.Values.Id, h.Values.Path, h.Hit.Score))
            .ToArray();
    }

    public void Dispose() => _analyzer.Dispose();

    /// <summary>
    /// Two stages: the word query selects and ranks <see cref="SearchTuning.RerankDepth"/> candidates over the whole
    /// index; phrase proximity and pseudo-relevance feedback are then scored for those candidates only (their
    /// scores add to the first-stage score, as if they were optional clauses of one query), which keeps position
    /// reads and the feedback query off the long postings of common words. With a <paramref name="semantic"/>
    /// reranker whose vectors cover the candidates, the final order is by meaning fused with these scores.
    /// </summary>
    private (IReadOnlyList<QueryGroup> Groups, Query? Query, ScoreDoc[] Hits, TermLookup Terms) Execute(IndexSearcher searcher, string? text, int top, SearchTuning tuning, SemanticReranker? semantic)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var groups = _queries.Analyze(text, tuning.MaxQueryTerms);
        var lookup = new TermLookup(searcher.IndexReader);
        var fuzzy = new FuzzyExpansion(searcher);
        var built = _queries.Build(groups, lookup, fuzzy, tuning, fuzzyAll: false);
        if (built is null)
        {
            return (groups, null, [], lookup);
        }

        var depth = Math.Max(top, tuning.RerankDepth);
        var words = searcher.Rewrite(built.Words);
        var hits = WordQueryScorer.Search(searcher, words, depth);
        if (hits.TotalHits < tuning.FuzzyFallbackMinHits)
        {
            var fuzzyBuilt = _queries.Build(groups, lookup, fuzzy, tuning, fuzzyAll: true)!;
            var fuzzyWords = searcher.Rewrite(fuzzyBuilt.Words);
            var fuzzyHits = WordQueryScorer.Search(searcher, fuzzyWords, depth);
            if (fuzzyHits.TotalHits > hits.TotalHits)
            {
                (built, words, hits) = (fuzzyBuilt, fuzzyWords, fuzzyHits);
            }
        }

        var scores = hits.ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);
        var used = new BooleanQuery(disableCoord: true) { { words, Occur.SHOULD } };
        if (scores.Count == 0)
        {
            return (groups, used, [], lookup);
        }

        if (built.Phrases is { } phrases)
        {
            CandidateScorer.AddScores(searcher, phrases, scores);
            used.Add(phrases, Occur.SHOULD);
        }

        if (tuning.FeedbackDocs > 0)
        {
            var feedback = Ranked(scores).Take(tuning.FeedbackDocs).Select(h => h.Doc);
            if (Expand(searcher, lookup, groups, feedback, tuning) is { } expansion)
            {
                CandidateScorer.AddScores(searcher, expansion, scores);
                used.Add(expansion, Occur.SHOULD);
            }
        }

        if (semantic is not null && Reranked(searcher, semantic, text!, scores, top) is { } reranked)
        {
            return (groups, used, reranked, lookup);
        }

        return (groups, used, Ranked(scores).Take(top).ToArray(), lookup);
    }

    /// <summary>The candidates in fused order (their scores stay lexical), or null to keep the lexical order.</summary>
    private static ScoreDoc[]? Reranked(IndexSearcher searcher, SemanticReranker semantic, string text, Dictionary<int, float> scores, int top)
    {
        var candidates = Ranked(scores).ToArray();
        var values = new HitValues(searcher.IndexReader);
        var ids = candidates.Select(c => values.IdAndPath(c.Doc).Id).ToArray();
        if (semantic.Fuse(text, ids, candidates.Select(c => c.Score).ToArray()) is not { } fused)
        {
            return null;
        }

        return candidates
            .Select((hit, i) => (Hit: hit, Fused: fused[i]))
            .OrderByDescending(c => c.Fused)
            .ThenBy(c => c.Hit.Doc)
            .Take(top)
            .Select(c => c.Hit)
            .ToArray();
    }

    private static IEnumerable<ScoreDoc> Ranked(Dictionary<int, float> scores) =>
        scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => new ScoreDoc(s.Key, s.Value));

    /// <summary>
    /// Pseudo-relevance feedback: the words that the titles and summaries of the top hits share, weighted by how
    /// many of those hits use them and by their rarity, become a small-weight query scored for the candidates.
    /// </summary>
    private Query? Expand(IndexSearcher searcher, TermLookup terms, IReadOnlyList<QueryGroup> groups, IEnumerable<int> top, SearchTuning tuning)
    {
        var queryTerms = groups.SelectMany(g => g.Terms).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new HitValues(searcher.IndexReader);
        foreach (var doc in top)
        {
            foreach (var text in _feedbackTerms.For(searcher.IndexReader, values, doc))
            {
                if (!queryTerms.Contains(text))
                {
                    counts[text] = counts.GetValueOrDefault(text) + 1;
                }
            }
        }

        var expansion = counts
            .Where(c => c.Value >= 2)
            .Select(c => (Term: c.Key, Weight: c.Value * Idf(terms, c.Key)))
            .OrderByDescending(c => c.Weight)
            .Take(tuning.FeedbackTerms)
            .ToArray();
        if (expansion.Length == 0)
        {
            return null;
        }

        var max = expansion.Max(e => e.Weight);
        var expanded = new BooleanQuery(disableCoord: true);
        foreach (var (text, weight) in expansion)
        {
            // Fields without the term are left out (they match nothing, so no score changes).
            var clause = new DisjunctionMaxQuery(0.1f) { Boost = tuning.FeedbackWeight * (float)(weight / max) };
            AddTerm(clause, terms.Query(IndexFields.Body, text, 1f));
            AddTerm(clause, terms.Query(IndexFields.Title, text, tuning.TitleBoost));
            AddTerm(clause, terms.Query(IndexFields.Summary, text, tuning.SummaryBoost));
            expanded.Add(clause, Occur.SHOULD);
        }

        return expanded;
    }

    private static void AddTerm(DisjunctionMaxQuery clause, TermQuery? query)
    {
        if (query is not null)
        {
            clause.Add(query);
        }
    }

    private static double Idf(TermLookup terms, string term)
    {
        var docFreq = terms.DocFreq(IndexFields.Body, term);
        return Math.Log(1 + ((terms.Reader.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));
    }

    private SnippetTerms SnippetTermsFor(IReadOnlyList<QueryGroup> groups, Query rewritten, TermLookup lookup)
    {
        var reader = lookup.Reader;
        var groupOfTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var weights = new float[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var docFreq = lookup.DocFreq(IndexFields.Body, groups[g].Primary.Text);
            weights[g] = (float)Math.Log(1 + ((reader.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));
            foreach (var term in groups[g].Terms)
            {
                groupOfTerm.TryAdd(term.Text, g);
                keys.Add(Key(term.Text));
                if (_variantKeys.TryGetValue(term.Text, out var variants))
                {
                    keys.UnionWith(variants);
                }
            }
        }

        // Terms the fuzzy rewrite added (typo corrections) count for the query word they are closest to.
        var extracted = new HashSet<Term>();
        rewritten.ExtractTerms(extracted);
        foreach (var term in extracted.Select(t => t.Text).Distinct().Where(t => !groupOfTerm.ContainsKey(t)))
        {
            var closest = Enumerable.Range(0, groups.Count)
                .Select(g => (Group: g, Distance: EditDistance(term, groups[g].Primary.Text)))
                .MinBy(c => c.Distance);
            if (closest.Distance <= 2)
            {
                groupOfTerm[term] = closest.Group;
                keys.Add(Key(term));
            }
        }

        return new SnippetTerms(groupOfTerm, weights, keys);
    }

    private static string Key(string term) => term.Length <= 4 ? term : term[..4];

    /// <summary>Stemmed canonical synonym → lower-case keys of its variants' first words.</summary>
    private static Dictionary<string, string[]> BuildVariantKeys()
    {
        using var plain = new KnowledgeAnalyzer(synonyms: null);
        var keys = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var rule in ItSynonyms.Default.Rules)
        {
            var stemmed = FirstTerm(plain, rule.Canonical) ?? rule.Canonical;
            var variantKeys = rule.Variants
                .Select(v => v.Split(' ', '-')[0].ToLowerInvariant())
                .Where(w => w.Length >= 2)
                .Select(w => w.Length <= 4 ? w : w[..4])
                .Append(Key(stemmed))
                .Distinct()
                .ToArray();
            keys[stemmed] = keys.TryGetValue(stemmed, out var existing) ? [.. existing.Union(variantKeys)] : variantKeys;
        }

        return keys;
    }

    private static string? FirstTerm(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(string.Empty, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var first = stream.IncrementToken() ? term.ToString() : null;
        while (stream.IncrementToken())
        {
        }

        stream.End();
        return first;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

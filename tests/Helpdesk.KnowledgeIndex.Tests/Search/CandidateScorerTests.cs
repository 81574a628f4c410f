using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class CandidateScorerTests : IDisposable
{
    private readonly SkewedIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void AddScores_PhraseBoosts_SameAsLuceneFilteredToTheCandidates()
    {
        var phrases = new BooleanQuery(disableCoord: true);
        foreach (var (first, second) in new[] { ("microsoft", "365"), ("outlook", "crash"), ("rare", "vpn") })
        {
            var pair = new DisjunctionMaxQuery(0f) { Boost = 1f };
            foreach (var field in new[] { "title", "body" })
            {
                var phrase = new PhraseQuery { Slop = 1 };
                phrase.Add(new Term(field, first), 0);
                phrase.Add(new Term(field, second), 1);
                pair.Add(phrase);
            }

            phrases.Add(pair, Occur.SHOULD);
        }

        AssertSameAsFiltered(phrases);
    }

    [Fact]
    public void AddScores_FeedbackTermsWithBoostedDisjunctions_SameAsLuceneFilteredToTheCandidates()
    {
        var feedback = new BooleanQuery(disableCoord: true);
        foreach (var (word, boost) in new[] { ("printer", 0.3f), ("offline", 0.21f), ("rare", 0.07f), ("nosuchword", 0.1f) })
        {
            feedback.Add(
                new DisjunctionMaxQuery(0.1f)
                {
                    Boost = boost,
                    Disjuncts =
                    {
                        new TermQuery(new Term("body", word)),
                        new TermQuery(new Term("title", word)) { Boost = 2f },
                        new TermQuery(new Term("summary", word)) { Boost = 0.5f },
                    },
                },
                Occur.SHOULD);
        }

        AssertSameAsFiltered(feedback);
    }

    [Fact]
    public void AddScores_QueryOfOtherShape_IsLucenesFilteredResult()
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body", "vpn")), Occur.MUST },
            { new TermQuery(new Term("title", "offline")), Occur.SHOULD },
        };
        var candidates = Candidates();
        var expected = Filtered(query, candidates);

        var actual = candidates.ToDictionary(c => c.Key, c => c.Value);
        CandidateScorer.AddScores(_index.Searcher, query, actual);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void AddScores_NoCandidates_NothingScored()
    {
        var scores = new Dictionary<int, float>();

        CandidateScorer.AddScores(_index.Searcher, new TermQuery(new Term("body", "vpn")), scores);

        Assert.Empty(scores);
    }

    private void AssertSameAsFiltered(Query query)
    {
        var candidates = Candidates();
        var expected = Filtered(query, candidates);

        var actual = candidates.ToDictionary(c => c.Key, c => c.Value);
        CandidateScorer.AddScores(_index.Searcher, query, actual);

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var changed = 0;
        foreach (var (doc, score) in expected)
        {
            // The clause scores may be added in another order than Lucene's: the last float bit may differ.
            Assert.Equal(score, actual[doc], Math.Max(score, 1f) * 1e-6f);
            changed += score != candidates[doc] ? 1 : 0;
        }

        Assert.True(changed > 10, $"only {changed} candidates matched the query");
    }

    /// <summary>The first stage's kind of candidates: the best 100 of a common-word query, plus every 250th
    /// document of the index (most of which the rescoring query does not match), across all three segments.</summary>
    private Dictionary<int, float> Candidates()
    {
        var words = new BooleanQuery
        {
            { new TermQuery(new Term("body", "microsoft")), Occur.SHOULD },
            { new TermQuery(new Term("title", "outlook")), Occur.SHOULD },
            { new TermQuery(new Term("body", "printer")), Occur.SHOULD },
        };
        var candidates = _index.Searcher.Search(words, 100).ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);
        var live = MultiFields.GetLiveDocs(_index.Reader);
        for (var doc = 0; doc < _index.Reader.MaxDoc; doc += 250)
        {
            if (live is null || live.Get(doc))
            {
                candidates.TryAdd(doc, 1f);
            }
        }

        Assert.Contains(candidates.Keys, d => d > 18_000);
        return candidates;
    }

    /// <summary>The previous implementation: Lucene's filtered query over the candidates, scores added.</summary>
    private Dictionary<int, float> Filtered(Query query, Dictionary<int, float> candidates)
    {
        var scores = candidates.ToDictionary(c => c.Key, c => c.Value);
        var filtered = new FilteredQuery(query, new CandidateFilter(scores.Keys.ToArray()), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        foreach (var hit in _index.Searcher.Search(filtered, scores.Count).ScoreDocs)
        {
            scores[hit.Doc] += hit.Score;
        }

        return scores;
    }
}

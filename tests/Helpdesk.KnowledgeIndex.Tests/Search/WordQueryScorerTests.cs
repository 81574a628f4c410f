using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class WordQueryScorerTests : IDisposable
{
    private readonly SkewedIndex _index = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public WordQueryScorerTests()
    {
        _reader = _index.Reader;
        _searcher = _index.Searcher;
    }

    public void Dispose() => _index.Dispose();

    public static TheoryData<string[]> Queries => new()
    {
        { ["microsoft", "365"] },
        { ["outlook", "crash", "error"] },
        { ["rare"] },
        { ["vpn", "nosuchword", "offline"] },
        { ["teams", "audio", "microsoft", "365", "error", "sync", "wifi"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_BuilderShapedQuery_SameHitsAndScoresAsLucene(string[] words)
    {
        var query = WordsQuery(words);

        var expected = _searcher.Search(query, _reader.MaxDoc);
        var actual = WordQueryScorer.Search(_searcher, query, _reader.MaxDoc);

        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Length, actual.ScoreDocs.Length);
        var expectedScores = expected.ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);
        foreach (var hit in actual.ScoreDocs)
        {
            // Lucene adds a word's field scores in its heap order, this scorer in clause order: the last bit may differ.
            Assert.True(expectedScores.TryGetValue(hit.Doc, out var score), $"doc {hit.Doc} is not a Lucene hit");
            Assert.Equal(score, hit.Score, score * 1e-6f);
        }

        for (var i = 1; i < actual.ScoreDocs.Length; i++)
        {
            var (before, after) = (actual.ScoreDocs[i - 1], actual.ScoreDocs[i]);
            Assert.True(before.Score > after.Score || (before.Score == after.Score && before.Doc < after.Doc), $"rank {i} out of order");
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_TopN_SameDocumentsAsLuceneAndItsOwnFullRanking(string[] words)
    {
        var query = WordsQuery(words);
        var full = WordQueryScorer.Search(_searcher, query, _reader.MaxDoc);
        var lucene = _searcher.Search(query, 100);

        var top = WordQueryScorer.Search(_searcher, query, 100);

        Assert.Equal(full.ScoreDocs.Take(100).Select(h => (h.Doc, h.Score)), top.ScoreDocs.Select(h => (h.Doc, h.Score)));
        Assert.Equal(full.TotalHits, top.TotalHits);
        Assert.Equal(lucene.MaxScore, top.MaxScore, lucene.MaxScore * 1e-6f);

        // The same documents in the same order wherever neighbouring scores are not within rounding of each other.
        var agreeing = 0;
        for (var i = 0; i < lucene.ScoreDocs.Length; i++)
        {
            var nearTie = (i > 0 && Near(lucene.ScoreDocs[i - 1].Score, lucene.ScoreDocs[i].Score))
                || (i + 1 < lucene.ScoreDocs.Length && Near(lucene.ScoreDocs[i + 1].Score, lucene.ScoreDocs[i].Score));
            if (!nearTie)
            {
                Assert.Equal(lucene.ScoreDocs[i].Doc, top.ScoreDocs[i].Doc);
                agreeing++;
            }
        }

        Assert.True(agreeing > 0);
    }

    [Fact]
    public void Search_QueryOfOtherShape_IsLucenesResult()
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body", "vpn")), Occur.MUST },
            { new TermQuery(new Term("title", "offline")), Occur.SHOULD },
            { new TermQuery(new Term("body", "printer")), Occur.MUST_NOT },
        };

        var expected = _searcher.Search(query, 50);
        var actual = WordQueryScorer.Search(_searcher, query, 50);

        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(h => (h.Doc, h.Score)), actual.ScoreDocs.Select(h => (h.Doc, h.Score)));
    }

    [Fact]
    public void Search_BoostedWordClause_SameScoresAsLucene()
    {
        var query = WordsQuery(["outlook", "crash", "wifi"]);
        query.Clauses[1].Query.Boost = 0.7f;

        var expected = _searcher.Search(query, _reader.MaxDoc);
        var actual = WordQueryScorer.Search(_searcher, query, _reader.MaxDoc);

        Assert.Equal(expected.TotalHits, actual.TotalHits);
        var expectedScores = expected.ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);
        Assert.All(actual.ScoreDocs, hit => Assert.Equal(expectedScores[hit.Doc], hit.Score, expectedScores[hit.Doc] * 1e-6f));
    }

    [Fact]
    public void Search_NothingMatches_NoHits()
    {
        var actual = WordQueryScorer.Search(_searcher, WordsQuery(["nosuchword", "another"]), 10);

        Assert.Equal(0, actual.TotalHits);
        Assert.Empty(actual.ScoreDocs);
    }

    [Fact]
    public void Search_DeletedDocuments_NeverReturned()
    {
        var live = MultiFields.GetLiveDocs(_reader);

        var actual = WordQueryScorer.Search(_searcher, WordsQuery(["microsoft", "rare"]), _reader.MaxDoc);

        Assert.NotNull(live);
        Assert.All(actual.ScoreDocs, hit => Assert.True(live.Get(hit.Doc)));
        Assert.Equal(_reader.NumDocs, _searcher.Search(new MatchAllDocsQuery(), 1).TotalHits);
    }

    /// <summary>The builder's shape: a coordinated disjunction of words, each a tie-broken disjunction-max over
    /// boosted fields; a word no field has is an empty clause, and one word has a nested (fuzzy-like) disjunct.</summary>
    private static BooleanQuery WordsQuery(string[] words)
    {
        var query = new BooleanQuery(disableCoord: false);
        foreach (var word in words)
        {
            var clause = new DisjunctionMaxQuery(0.2f);
            if (word != "nosuchword")
            {
                clause.Add(new TermQuery(new Term("title", word)) { Boost = 2f });
                clause.Add(new TermQuery(new Term("summary", word)) { Boost = 0.5f });
                clause.Add(new TermQuery(new Term("body", word)));
            }

            if (word == "crash")
            {
                clause.Add(new BooleanQuery(disableCoord: true)
                {
                    { new TermQuery(new Term("body", "error")) { Boost = 0.6f }, Occur.SHOULD },
                    { new TermQuery(new Term("title", "sync")) { Boost = 0.4f }, Occur.SHOULD },
                });
            }

            query.Add(clause, Occur.SHOULD);
        }

        return query;
    }

    private static bool Near(float a, float b) => Math.Abs(a - b) <= Math.Max(a, b) * 1e-5f;
}

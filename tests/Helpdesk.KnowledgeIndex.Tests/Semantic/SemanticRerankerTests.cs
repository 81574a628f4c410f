using Helpdesk.KnowledgeIndex.Semantic;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

public sealed class SemanticRerankerTests : IDisposable
{
    private const string Question = "my mailbox is full";

    private readonly KnowledgeBase _knowledgeBase = KnowledgeBase.Open(new RAMDirectory(), new FakeTimeProvider(), createIfMissing: true, ownsDirectory: true);
    private readonly ConceptEncoder _encoder = new();

    public SemanticRerankerTests() =>
        _knowledgeBase.Reindex([SemanticArticles.Junk, SemanticArticles.Quota, SemanticArticles.Vpn]);

    public void Dispose() => _knowledgeBase.Dispose();

    [Fact]
    public void Search_WithoutReranker_OrdersByWords()
    {
        var hits = _knowledgeBase.Search(Question, 5);

        Assert.Equal(["mailbox-full-of-junk", "mailbox-quota"], hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_PreparedReranker_PutsTheArticleThatMeansTheQuestionFirstAndKeepsLexicalScores()
    {
        var lexical = _knowledgeBase.Search(Question, 5).ToDictionary(h => h.Id, h => h.Score);
        var reranker = new SemanticReranker(_encoder);
        var prepared = reranker.Prepare(_knowledgeBase.ListArticles());
        _knowledgeBase.Semantic = reranker;

        var hits = _knowledgeBase.Search(Question, 5);

        Assert.Equal(3, prepared.Articles);
        Assert.Equal(1, _encoder.Warms); // the question model was loaded while preparing, not on the first question
        Assert.Equal(["mailbox-quota", "mailbox-full-of-junk"], hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.Equal(lexical[h.Id], h.Score));
        Assert.Equal(["mailbox-quota", "mailbox-full-of-junk"], _knowledgeBase.Rank(Question, 5).Select(r => r.Id));
        Assert.Equal(2, _encoder.QueriesEncoded);
    }

    [Theory]
    [InlineData(true, "my mailbox is full")]
    [InlineData(false, "my mailbox is fulll")]
    public void Search_MisspeltQuestion_ModelSeesItRepairedUnlessTurnedOff(bool correct, string expected)
    {
        var reranker = new SemanticReranker(_encoder, SemanticRerankSettings.Default with { CorrectSpelling = correct });
        reranker.Prepare(_knowledgeBase.ListArticles());
        _knowledgeBase.Semantic = reranker;

        var hits = _knowledgeBase.Search("my mailbox is fulll", 5);

        Assert.Equal(expected, _encoder.LastQuery);
        if (correct)
        {
            Assert.Equal("mailbox-quota", hits[0].Id);
        }
    }

    [Fact]
    public void Search_RerankerNotPreparedYet_KeepsLexicalOrderWithoutEncoding()
    {
        _knowledgeBase.Semantic = new SemanticReranker(_encoder);

        var hits = _knowledgeBase.Search(Question, 5);

        Assert.Equal("mailbox-full-of-junk", hits[0].Id);
        Assert.Equal(0, _encoder.QueriesEncoded);
    }

    [Fact]
    public void Search_CandidateAddedAfterPrepare_KeepsLexicalOrderUntilPreparedAgain()
    {
        var reranker = new SemanticReranker(_encoder);
        reranker.Prepare(_knowledgeBase.ListArticles());
        var added = SemanticArticles.Article("mailbox-full-of-spam", "My mailbox is full of spam", "Spam and junk: report it.", "Is your mailbox full of spam? Report junk and spam, junk filters learn from spam reports.");
        _knowledgeBase.Reindex([SemanticArticles.Junk, SemanticArticles.Quota, SemanticArticles.Vpn, added]);
        var lexical = _knowledgeBase.Search(Question, 5).Select(h => h.Id).ToArray();
        _knowledgeBase.Semantic = reranker;

        var before = _knowledgeBase.Search(Question, 5);
        var prepared = reranker.Prepare(_knowledgeBase.ListArticles());
        var after = _knowledgeBase.Search(Question, 5);

        Assert.Equal(lexical, before.Select(h => h.Id));
        Assert.NotEqual("mailbox-quota", before[0].Id);
        Assert.Equal(4, prepared.Articles);
        Assert.Equal(1, prepared.Encoded);
        Assert.Equal("mailbox-quota", after[0].Id);
    }

    [Fact]
    public void Search_NoLexicalMatch_EncodesNothingAndReturnsNothing()
    {
        var reranker = new SemanticReranker(_encoder);
        reranker.Prepare(_knowledgeBase.ListArticles());
        _knowledgeBase.Semantic = reranker;

        Assert.Empty(_knowledgeBase.Search("qwertyuiop zxcvbnm", 5));
        Assert.Equal(0, _encoder.QueriesEncoded);
    }

    [Fact]
    public void Prepare_CacheFile_SecondRunEmbedsOnlyChangedPassages()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "vectors.bin");
        var first = new SemanticReranker(_encoder, cachePath: cache).Prepare(_knowledgeBase.ListArticles());
        var encodedFirst = _encoder.PassagesEncoded;

        var again = new SemanticReranker(_encoder, cachePath: cache).Prepare(_knowledgeBase.ListArticles());
        var edited = SemanticArticles.Quota with { Summary = "Archive old mail when the quota is reached." };
        var afterEdit = new SemanticReranker(_encoder, cachePath: cache).Prepare([SemanticArticles.Junk, edited, SemanticArticles.Vpn]);

        Assert.Equal(3, first.Encoded);
        Assert.Equal(3, encodedFirst);
        Assert.Equal(0, again.Encoded);
        Assert.Null(again.CacheProblem);
        Assert.Equal(1, afterEdit.Encoded);
        Assert.Equal(4, _encoder.PassagesEncoded);
    }

    [Fact]
    public void Prepare_CorruptCacheFile_ReportsItAndStillPrepares()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "vectors.bin");
        File.WriteAllBytes(cache, [1, 2, 3, 4, 5]);
        var reranker = new SemanticReranker(_encoder, cachePath: cache);

        var prepared = reranker.Prepare(_knowledgeBase.ListArticles());
        _knowledgeBase.Semantic = reranker;

        Assert.NotNull(prepared.CacheProblem);
        Assert.Contains(cache, prepared.CacheProblem, StringComparison.Ordinal);
        Assert.Equal(3, prepared.Encoded);
        Assert.Equal("mailbox-quota", _knowledgeBase.Search(Question, 5)[0].Id);
        Assert.Equal(0, new SemanticReranker(_encoder, cachePath: cache).Prepare(_knowledgeBase.ListArticles()).Encoded);
    }

    [Fact]
    public void Prepare_CacheOfAnotherModel_IsNotReused()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "vectors.bin");
        new SemanticReranker(new ConceptEncoder("concepts/1"), cachePath: cache).Prepare(_knowledgeBase.ListArticles());

        var other = new SemanticReranker(new ConceptEncoder("concepts/2"), cachePath: cache).Prepare(_knowledgeBase.ListArticles());

        Assert.Equal(3, other.Encoded);
        Assert.Contains("another model", other.CacheProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ModelFailsOnTheQuestion_KeepsLexicalOrderAndCountsTheFailure()
    {
        var failing = new FailingQueryEncoder(_encoder);
        var reranker = new SemanticReranker(failing);
        reranker.Prepare(_knowledgeBase.ListArticles());
        _knowledgeBase.Semantic = reranker;

        var hits = _knowledgeBase.Search(Question, 5);

        Assert.Equal("mailbox-full-of-junk", hits[0].Id);
        Assert.Equal(1, reranker.Failures);
        Assert.Contains("model broke", reranker.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PassagesBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SemanticReranker(_encoder, SemanticRerankSettings.Default with { PassagesPerArticle = 0 }));
}

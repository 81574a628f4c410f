using System.Collections.Concurrent;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Indexing;

public sealed class AtomicReindexTests
{
    private static readonly KnowledgeArticle[] SetA = Articles("alpha", 3);
    private static readonly KnowledgeArticle[] SetB = Articles("bravo", 5);

    [Fact]
    public async Task Reindex_WhileSearching_SearchersAlwaysSeeOneCompleteSnapshot()
    {
        using var dir = new TempDirectory();
        using var knowledgeBase = KnowledgeBase.Open(dir.Path, new FakeTimeProvider(), createIfMissing: true);
        knowledgeBase.Reindex(SetA);
        var failures = new ConcurrentQueue<string>();
        var searches = 0;
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var alpha = knowledgeBase.Rank("alpha", 10).Count;
                var bravo = knowledgeBase.Rank("bravo", 10).Count;
                var total = knowledgeBase.Rank("shared topic", 10).Count;
                Interlocked.Increment(ref searches);

                // Each call sees one snapshot: all of set A or all of set B, never a mix or an empty index.
                if (total is not (3 or 5) || alpha is not (0 or 3) || bravo is not (0 or 5))
                {
                    failures.Enqueue($"total={total} alpha={alpha} bravo={bravo}");
                }
            }
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            knowledgeBase.Reindex(i % 2 == 0 ? SetB : SetA);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(searches > 0);
        Assert.Equal(3, knowledgeBase.Rank("shared topic", 10).Count);
    }

    [Fact]
    public void Reindex_BuildFailsHalfway_PreviousIndexStaysSearchable()
    {
        using var dir = new TempDirectory();
        using var knowledgeBase = KnowledgeBase.Open(dir.Path, new FakeTimeProvider(), createIfMissing: true);
        knowledgeBase.Reindex(SetA);

        Assert.ThrowsAny<InvalidOperationException>(() => knowledgeBase.Reindex(Failing()));

        Assert.Equal(3, knowledgeBase.Rank("alpha", 10).Count);
        Assert.Equal(3, knowledgeBase.GetStats().Articles);
        using var reopened = KnowledgeBase.Open(dir.Path, new FakeTimeProvider());
        Assert.Equal(3, reopened.Rank("alpha", 10).Count);
    }

    [Fact]
    public void Refresh_CommitByAnotherWriter_IsPickedUp()
    {
        using var dir = new TempDirectory();
        using var reader = KnowledgeBase.Open(dir.Path, new FakeTimeProvider(), createIfMissing: true);
        Assert.Empty(reader.Rank("bravo", 10));

        using (var writer = KnowledgeBase.Open(dir.Path, new FakeTimeProvider()))
        {
            writer.Reindex(SetB);
        }

        Assert.Empty(reader.Rank("bravo", 10));
        Assert.True(reader.Refresh());
        Assert.Equal(5, reader.Rank("bravo", 10).Count);
    }

    [Fact]
    public void Reindex_FromDirectory_ReportsBadArticleAndIndexesTheRest()
    {
        using var articles = new TempDirectory();
        using var index = new TempDirectory();
        articles.Write("ok.md", ArticleFiles.Native("ok-article", "Printer jam", "Clear a jam.", "Open the tray."));
        articles.Write("bad.md", "---\nid: bad\ntitle: [oops\n---\nBody\n");
        using var knowledgeBase = KnowledgeBase.Open(index.Path, new FakeTimeProvider(), createIfMissing: true);

        var result = knowledgeBase.Reindex([articles.Path]);

        Assert.Equal(1, result.Build.Articles);
        Assert.Equal(1, result.Skipped);
        Assert.EndsWith("bad.md", Assert.Single(result.Problems).File, StringComparison.Ordinal);
        Assert.Equal("ok-article", knowledgeBase.Search("printer jam", 1)[0].Id);
    }

    [Fact]
    public void GetStats_AfterBuild_ReportsCountsAndCommitData()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero));
        using var knowledgeBase = KnowledgeBase.Open(dir.Path, time, createIfMissing: true);

        knowledgeBase.Reindex(SetB, sources: ["/articles"]);
        var stats = knowledgeBase.GetStats();

        Assert.Equal(5, stats.Articles);
        Assert.Equal(1, stats.Segments);
        Assert.Equal(time.GetUtcNow(), stats.BuiltAt);
        Assert.Equal(["/articles"], stats.Sources);
        Assert.Equal(5, stats.ArticlesByFormat["Native"]);
        Assert.True(stats.SizeBytes > 0);
    }

    [Fact]
    public void Open_MissingIndex_ThrowsUnlessCreating()
    {
        using var dir = new TempDirectory();

        Assert.Throws<Lucene.Net.Index.IndexNotFoundException>(() => KnowledgeBase.Open(dir.Sub("none"), new FakeTimeProvider()));
        using var created = KnowledgeBase.Open(dir.Sub("new"), new FakeTimeProvider(), createIfMissing: true);
        Assert.Equal(0, created.GetStats().Articles);
    }

    private static KnowledgeArticle[] Articles(string marker, int count) =>
        Enumerable.Range(1, count)
            .Select(i => new KnowledgeArticle(
                $"{marker}-{i}", $"{marker}-{i}.md", $"{marker} article {i}", "Summary.", [], null, [], null, null, null,
                $"Text about the shared topic and {marker}.", ArticleFormat.Native, null))
            .ToArray();

    private static IEnumerable<KnowledgeArticle> Failing()
    {
        foreach (var article in SetB.Take(2))
        {
            yield return article;
        }

        throw new InvalidOperationException("source broke halfway");
    }
}

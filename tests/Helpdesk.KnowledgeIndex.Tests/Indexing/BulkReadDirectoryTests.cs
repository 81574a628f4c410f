using System.Text.Json;
using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Indexing;

/// <summary>
/// The on-disk index opened by path (stored fields through <c>BulkReadDirectory</c>) against the same files opened
/// as a plain memory-mapped directory: every search result, snippet and stored article must be identical.
/// </summary>
public sealed class BulkReadDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Search_CorpusIndexOnDisk_SameResultsAndArticlesAsPlainMemoryMapped()
    {
        var path = _dir.Sub("index");
        var time = new FakeTimeProvider();
        using (var build = KnowledgeBase.Open(path, time, createIfMissing: true))
        {
            Assert.Equal(1309, build.Reindex([RepoPaths.Current.Corpus]).Build.Articles);
        }

        using var buffered = KnowledgeBase.Open(path, time);
        using var mapped = FSDirectory.Open(path);
        using var plain = KnowledgeBase.Open(mapped, time);
        var queries = QueryFile.Load(Path.Combine(RepoPaths.Current.EvalDirectory, "corpus-queries.tsv")).Select(q => q.Text)
            .Concat(QueryFile.Load(Path.Combine(RepoPaths.Current.EvalDirectory, "own-queries.tsv")).Select(q => q.Text))
            .ToList();

        var hits = 0;
        foreach (var query in queries)
        {
            var expected = plain.Search(query, 5);
            var actual = buffered.Search(query, 5);
            Assert.Equal(Describe(expected), Describe(actual));
            foreach (var hit in actual)
            {
                Assert.Equal(JsonSerializer.Serialize(plain.GetArticle(hit.Id)), JsonSerializer.Serialize(buffered.GetArticle(hit.Id)));
                hits++;
            }
        }

        Assert.True(hits > 500, $"{hits} hits compared");
        Assert.Contains(queries.SelectMany(q => buffered.Search(q, 5)), h => buffered.GetArticle(h.Id)!.Markdown.Length > 3 * 16 * 1024);
    }

    [Fact]
    public void Search_ManyThreadsAtOnce_SameResultsAsOneAtATime()
    {
        var path = _dir.Sub("index");
        var time = new FakeTimeProvider();
        using var kb = KnowledgeBase.Open(path, time, createIfMissing: true);
        kb.Reindex([RepoPaths.Current.Corpus]);
        var queries = QueryFile.Load(Path.Combine(RepoPaths.Current.EvalDirectory, "corpus-queries.tsv")).Select(q => q.Text).ToArray();
        var sequential = queries.Select(q => Describe(kb.Search(q, 5))).ToArray();

        var parallel = new string[queries.Length][];
        Parallel.For(0, queries.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var result = Describe(kb.Search(queries[i % queries.Length], 5));
            if (i >= queries.Length * 3)
            {
                parallel[i % queries.Length] = result;
            }
        });

        Assert.Equal(sequential, parallel);
    }

    private static string[] Describe(IReadOnlyList<KnowledgeSearchResult> hits) =>
        [.. hits.Select(h => $"{h.Id}|{h.Score:R}|{h.Title}|{h.Summary}|{h.Snippet}|{string.Join(',', h.Highlights)}|{h.Path}|{h.Category}|{h.Attribution}")];
}

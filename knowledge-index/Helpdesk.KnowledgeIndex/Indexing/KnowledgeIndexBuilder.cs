using System.Globalization;
using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>
/// Writes a complete index in one commit. The writer opens the directory in CREATE mode, so the new commit replaces
/// the old one atomically: open readers keep seeing the previous commit until they are refreshed, and a failed build
/// is rolled back, leaving the previous index untouched.
/// </summary>
public static class KnowledgeIndexBuilder
{
    /// <summary>Builds (or atomically replaces) the index in <paramref name="directory"/>.</summary>
    /// <exception cref="IndexBusyException">Another writer holds the index lock.</exception>
    public static IndexBuildResult Build(
        Directory directory,
        IEnumerable<KnowledgeArticle> articles,
        TimeProvider timeProvider,
        IReadOnlyCollection<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var started = timeProvider.GetTimestamp();
        using var analyzer = new KnowledgeAnalyzer();
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            Similarity = new KnowledgeSimilarity(SearchTuning.Default),
        };

        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            throw new IndexBusyException("another process or thread is writing this index; try again when it has finished", ex);
        }

        var count = 0;
        try
        {
            articles
                .AsParallel()
                .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
                .ForAll(article =>
                {
                    writer.AddDocument(ArticleDocumentMapper.ToDocument(article));
                    Interlocked.Increment(ref count);
                });

            // One segment: fewer term lookups per query; the merge is part of the same atomic commit.
            writer.ForceMerge(1);
            var builtAt = timeProvider.GetUtcNow();
            var elapsed = timeProvider.GetElapsedTime(started);
            writer.SetCommitData(new Dictionary<string, string>
            {
                [CommitDataKeys.SchemaVersion] = CommitDataKeys.CurrentSchema,
                [CommitDataKeys.Articles] = count.ToString(CultureInfo.InvariantCulture),
                [CommitDataKeys.BuiltAt] = builtAt.ToString("O", CultureInfo.InvariantCulture),
                [CommitDataKeys.Sources] = string.Join(Path.PathSeparator, sources ?? []),
                [CommitDataKeys.BuildMilliseconds] = ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            });
            writer.Commit();
            writer.Dispose();
            return new IndexBuildResult(count, timeProvider.GetElapsedTime(started), builtAt);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // PLINQ wraps the failure of one article source or mapping; surface the original.
            writer.Rollback();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Indexing;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.KnowledgeIndex.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Helpdesk.KnowledgeIndex;

/// <summary>
/// An on-disk knowledge index opened through a <see cref="SearcherManager"/>: searches run on a consistent
/// snapshot, <see cref="Reindex(IReadOnlyList{string})"/> replaces the whole index in one commit and then swaps the
/// snapshot, and <see cref="Refresh"/> picks up commits made by other processes. Thread-safe.
/// </summary>
public sealed class KnowledgeBase : IKnowledgeSearch, IDisposable
{
    private static readonly HashSet<string> CategoryField = [IndexFields.Category, IndexFields.Format];

    private readonly Directory _directory;
    private readonly bool _ownsDirectory;
    private readonly TimeProvider _timeProvider;
    private readonly SearcherManager _searchers;
    private readonly KnowledgeSearcher _searcher = new();
    private readonly System.Threading.Lock _writeLock = new();
    private ITimer? _refreshTimer;
    private volatile SemanticReranker? _semantic;
    private bool _disposed;

    private KnowledgeBase(Directory directory, bool ownsDirectory, TimeProvider timeProvider)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        _timeProvider = timeProvider;
        _searchers = new SearcherManager(directory, new KnowledgeSearcherFactory(SearchTuning.Default));
    }

    /// <summary>
    /// The semantic reranker searches use, or null for lexical order only (the default). Prepare it with
    /// <see cref="ListArticles"/> after each reindex; until it covers a query's candidates that query stays lexical.
    /// </summary>
    public SemanticReranker? Semantic
    {
        get => _semantic;
        set => _semantic = value;
    }

    /// <summary>Raised after each successful reindex (on the thread that ran it).</summary>
    public event EventHandler<ReindexResult>? Reindexed;

    /// <summary>Opens the index in <paramref name="indexPath"/>.</summary>
    /// <param name="indexPath">Index directory.</param>
    /// <param name="timeProvider">Clock for build timestamps and refresh timers.</param>
    /// <param name="createIfMissing">Create an empty index when there is none (otherwise throw).</param>
    /// <exception cref="IndexNotFoundException">There is no index and <paramref name="createIfMissing"/> is false.</exception>
    public static KnowledgeBase Open(string indexPath, TimeProvider timeProvider, bool createIfMissing = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexPath);
        if (!createIfMissing && !System.IO.Directory.Exists(indexPath))
        {
            throw new IndexNotFoundException($"no knowledge index at '{indexPath}' (build one with: kb index <articles-dir> --index {indexPath})");
        }

        var directory = new BulkReadDirectory(FSDirectory.Open(indexPath));
        try
        {
            return Open(directory, timeProvider, createIfMissing, ownsDirectory: true);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Opens the index in a Lucene directory (e.g. a <see cref="RAMDirectory"/> in tests).</summary>
    public static KnowledgeBase Open(Directory directory, TimeProvider timeProvider, bool createIfMissing = false, bool ownsDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!DirectoryReader.IndexExists(directory))
        {
            if (!createIfMissing)
            {
                throw new IndexNotFoundException($"no knowledge index in {directory} (build one with: kb index)");
            }

            KnowledgeIndexBuilder.Build(directory, [], timeProvider);
        }

        return new KnowledgeBase(directory, ownsDirectory, timeProvider);
    }

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeSearchResult> Search(string query, int top = 5) => Search(query, top, SearchTuning.Default);

    /// <summary>Searches with explicit ranking parameters.</summary>
    public IReadOnlyList<KnowledgeSearchResult> Search(string query, int top, SearchTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(tuning);
        var semantic = _semantic;
        return WithSearcher(tuning, searcher => _searcher.Search(searcher, query, top, tuning, semantic));
    }

    /// <summary>Ranks without snippets (batch runs and evaluation).</summary>
    public IReadOnlyList<RankedArticle> Rank(string query, int top, SearchTuning? tuning = null)
    {
        tuning ??= SearchTuning.Default;
        var semantic = _semantic;
        return WithSearcher(tuning, searcher => _searcher.Rank(searcher, query, top, tuning, semantic));
    }

    /// <inheritdoc />
    public KnowledgeArticle? GetArticle(string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return WithSearcher(SearchTuning.Default, searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
            return hits.ScoreDocs.Length == 0 ? null : ArticleDocumentMapper.ToArticle(searcher.Doc(hits.ScoreDocs[0].Doc));
        });
    }

    /// <summary>Every article in the current snapshot, in index order.</summary>
    public IReadOnlyList<KnowledgeArticle> ListArticles() => WithSearcher(SearchTuning.Default, searcher =>
    {
        var reader = searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var articles = new List<KnowledgeArticle>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                articles.Add(ArticleDocumentMapper.ToArticle(reader.Document(doc)));
            }
        }

        return articles;
    });

    /// <summary>Facts about the current snapshot.</summary>
    public KnowledgeIndexStats GetStats()
    {
        var searcher = _searchers.Acquire();
        try
        {
            var reader = (DirectoryReader)searcher.IndexReader;
            var commit = reader.IndexCommit;
            var data = commit.UserData;
            var byFormat = new Dictionary<string, int>(StringComparer.Ordinal);
            var byCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var live = MultiFields.GetLiveDocs(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var document = reader.Document(doc, CategoryField);
                var format = document.Get(IndexFields.Format) ?? "unknown";
                byFormat[format] = byFormat.GetValueOrDefault(format) + 1;
                if (document.Get(IndexFields.Category) is { } category)
                {
                    byCategory[category] = byCategory.GetValueOrDefault(category) + 1;
                }
            }

            var size = (_directory is FilterDirectory filter ? filter.Delegate : _directory) is FSDirectory fs
                ? new DirectoryInfo(fs.Directory.FullName).EnumerateFiles().Sum(f => f.Length)
                : 0;
            return new KnowledgeIndexStats(
                reader.NumDocs,
                reader.Leaves.Count,
                size,
                data.TryGetValue(CommitDataKeys.BuiltAt, out var built) && DateTimeOffset.TryParse(built, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
                data.TryGetValue(CommitDataKeys.BuildMilliseconds, out var ms) && long.TryParse(ms, CultureInfo.InvariantCulture, out var millis) ? TimeSpan.FromMilliseconds(millis) : null,
                data.TryGetValue(CommitDataKeys.Sources, out var sources) ? sources.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) : [],
                byFormat,
                byCategory,
                commit.Generation);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Loads the articles under <paramref name="articleDirectories"/>, rebuilds the index atomically and swaps to it.</summary>
    /// <exception cref="DirectoryNotFoundException">An articles directory does not exist (the index is left as it was).</exception>
    public ReindexResult Reindex(IReadOnlyList<string> articleDirectories)
    {
        ArgumentNullException.ThrowIfNull(articleDirectories);
        var set = ArticleLoader.Load(articleDirectories);
        return Reindex(set.Articles, set.Problems, articleDirectories.Select(Path.GetFullPath).ToArray());
    }

    /// <summary>Rebuilds the index from the given articles atomically and swaps to it.</summary>
    public ReindexResult Reindex(IEnumerable<KnowledgeArticle> articles, IReadOnlyList<ArticleProblem>? problems = null, IReadOnlyCollection<string>? sources = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReindexResult result;
        lock (_writeLock)
        {
            var build = KnowledgeIndexBuilder.Build(_directory, articles, _timeProvider, sources);
            _searchers.MaybeRefreshBlocking();
            result = new ReindexResult(build, problems ?? []);
        }

        Reindexed?.Invoke(this, result);
        return result;
    }

    /// <summary>Swaps to the newest commit if another writer (e.g. <c>kb index</c> in another process) made one.</summary>
    /// <returns>True when the snapshot is current after the call.</returns>
    public bool Refresh() => _searchers.MaybeRefresh();

    /// <summary>Calls <see cref="Refresh"/> every <paramref name="interval"/> until disposed (zero stops it).</summary>
    public void StartAutoRefresh(TimeSpan interval)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _refreshTimer?.Dispose();
        _refreshTimer = interval > TimeSpan.Zero ? _timeProvider.CreateTimer(_ => Refresh(), null, interval, interval) : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _refreshTimer?.Dispose();
        lock (_writeLock)
        {
            _searchers.Dispose();
            _searcher.Dispose();
            if (_ownsDirectory)
            {
                _directory.Dispose();
            }
        }
    }

    private T WithSearcher<T>(SearchTuning tuning, Func<IndexSearcher, T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var searcher = _searchers.Acquire();
        try
        {
            var effective = ReferenceEquals(tuning, SearchTuning.Default)
                ? searcher
                : new IndexSearcher(searcher.IndexReader) { Similarity = new KnowledgeSimilarity(tuning) };
            return action(effective);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}

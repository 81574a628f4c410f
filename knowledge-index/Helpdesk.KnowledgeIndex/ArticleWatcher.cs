namespace Helpdesk.KnowledgeIndex;

/// <summary>
/// Watches article directories and rebuilds the knowledge base after changes settle (debounced), so edits, new
/// files and deletions reach search without a restart. Each rebuild is atomic (see <see cref="KnowledgeBase"/>).
/// </summary>
public sealed class ArticleWatcher : IDisposable
{
    private readonly KnowledgeBase _knowledgeBase;
    private readonly IReadOnlyList<string> _directories;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _timer;
    private readonly System.Threading.Lock _gate = new();
    private bool _disposed;

    /// <summary>Starts watching.</summary>
    /// <param name="knowledgeBase">Index to rebuild.</param>
    /// <param name="directories">Article directories (all of them are indexed on each rebuild).</param>
    /// <param name="debounce">Quiet period after the last change before rebuilding.</param>
    /// <param name="timeProvider">Clock for the debounce timer.</param>
    public ArticleWatcher(KnowledgeBase knowledgeBase, IReadOnlyList<string> directories, TimeSpan debounce, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _knowledgeBase = knowledgeBase;
        _directories = directories.ToArray();
        _debounce = debounce;
        _timer = timeProvider.CreateTimer(_ => Rebuild(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var directory in _directories)
        {
            var watcher = new FileSystemWatcher(directory, "*.md")
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Raised after a change-triggered rebuild.</summary>
    public event EventHandler<ReindexResult>? Rebuilt;

    /// <summary>Raised when a change-triggered rebuild failed (the previous index stays in use).</summary>
    public event EventHandler<Exception>? Failed;

    /// <summary>Schedules a rebuild after the debounce period (used by the file events; callable directly).</summary>
    public void NotifyChanged()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => NotifyChanged();

    private void Rebuild()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            var result = _knowledgeBase.Reindex(_directories);
            Rebuilt?.Invoke(this, result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Indexing.IndexBusyException or ObjectDisposedException)
        {
            Failed?.Invoke(this, ex);
        }
    }
}

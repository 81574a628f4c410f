namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// The incidents feed file (for example exported by the ITSM tool or edited by the service desk). Read when first
/// asked and again whenever the file's time stamp or size changes, so an edit shows up on the next conversation
/// without a restart. A file that fails to parse keeps the last good list; a missing file means no incidents.
/// </summary>
public sealed class IncidentFileFeed
{
    private readonly System.Threading.Lock _lock = new();
    private (DateTime Written, long Length)? _version;
    private IReadOnlyList<Incident> _incidents = [];

    public IncidentFileFeed(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The feed file.</summary>
    public string Path { get; }

    /// <summary>Raised with the problems each time the file is (re)read and something in it was wrong.</summary>
    public event EventHandler<IReadOnlyList<string>>? ProblemsFound;

    /// <summary>The incidents in the file as it is now.</summary>
    public IReadOnlyList<Incident> Current
    {
        get
        {
            lock (_lock)
            {
                Refresh();
                return _incidents;
            }
        }
    }

    private void Refresh()
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
        {
            _version = null;
            _incidents = [];
            return;
        }

        var version = (info.LastWriteTimeUtc, info.Length);
        if (_version == version)
        {
            return;
        }

        string json;
        try
        {
            json = File.ReadAllText(Path);
        }
        catch (IOException ex)
        {
            // Being written right now: keep the last good list and try again on the next read.
            ProblemsFound?.Invoke(this, [$"cannot read the file: {ex.Message}"]);
            return;
        }

        var (incidents, problems) = IncidentFeedParser.Parse(json, new DateTimeOffset(version.LastWriteTimeUtc, TimeSpan.Zero));
        _version = version;
        if (problems.Count > 0)
        {
            ProblemsFound?.Invoke(this, problems);
        }

        // A file that is not JSON at all keeps the previous list; one with some bad items loads the good ones.
        if (incidents.Count > 0 || !problems.Any(p => p.StartsWith("not valid JSON", StringComparison.Ordinal) || p.StartsWith("expected", StringComparison.Ordinal)))
        {
            _incidents = incidents;
        }
    }
}

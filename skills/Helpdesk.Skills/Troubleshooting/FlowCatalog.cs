using Helpdesk.Skills.Troubleshooting.Engine;
using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Troubleshooting;

/// <summary>
/// The flows in use: the built-in ones, or a folder's (optionally reloaded when a file changes). Every load is
/// validated; a flow with an error is left out (and reported) while the others load, and on a reload the rest of the
/// catalog keeps working. Conversations in the middle of a flow continue with the new version when their step still exists.
/// </summary>
public sealed class FlowCatalog : IFlowCatalog, IDisposable
{
    private static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(300);

    private readonly Func<FlowLoadResult> _load;
    private readonly TimeProvider _time;
    private readonly System.Threading.Lock _lock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _reloadTimer;
    private volatile Snapshot _snapshot;

    private FlowCatalog(Func<FlowLoadResult> load, TimeProvider time)
    {
        _load = load;
        _time = time;
        _snapshot = Build(load());
    }

    /// <summary>Raised after every (re)load with its problems (empty when all is well).</summary>
    public event EventHandler<IReadOnlyList<FlowProblem>>? Loaded;

    /// <summary>The folder the flows come from, or null for the built-in flows.</summary>
    public string? Directory { get; private init; }

    /// <summary>The valid flows, by label (the picker's order).</summary>
    public IReadOnlyList<Flow> Flows => _snapshot.Flows;

    public FlowDetector Detector => _snapshot.Detector;

    /// <summary>The problems of the last load (a flow with an error is not in <see cref="Flows"/>).</summary>
    public IReadOnlyList<FlowProblem> Problems => _snapshot.Problems;

    /// <summary>The flows built into the bot.</summary>
    public static FlowCatalog FromEmbedded(TimeProvider? time = null) => new(FlowLoader.LoadEmbedded, time ?? TimeProvider.System);

    /// <summary>The flows in <paramref name="directory"/>, reloaded on change when <paramref name="watch"/> is set.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FlowCatalog FromDirectory(string directory, bool watch, TimeProvider? time = null)
    {
        var full = Path.GetFullPath(directory);
        var catalog = new FlowCatalog(() => FlowLoader.LoadDirectory(full), time ?? TimeProvider.System) { Directory = full };
        if (watch)
        {
            catalog.Watch(full);
        }

        return catalog;
    }

    /// <summary>A fixed set of flows (tests, tools).</summary>
    public static FlowCatalog FromFlows(IReadOnlyList<Flow> flows) => new(() => new FlowLoadResult(flows, []), TimeProvider.System);

    public Flow? Find(string id) => _snapshot.ById.GetValueOrDefault(id);

    /// <summary>Loads the flows again now.</summary>
    public void Reload()
    {
        FlowLoadResult result;
        try
        {
            result = _load();
        }
        catch (DirectoryNotFoundException ex)
        {
            result = new FlowLoadResult([], [new FlowProblem(new SourceLocation(Directory ?? "flows", 1, 1), FlowProblemSeverity.Error, ex.Message)]);
        }

        var snapshot = Build(result);
        lock (_lock)
        {
            // A folder that is being rewritten may be empty for a moment: keep the flows we have.
            if (snapshot.Flows.Count > 0 || _snapshot.Flows.Count == 0)
            {
                _snapshot = snapshot;
            }
        }

        Loaded?.Invoke(this, snapshot.Problems);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _reloadTimer?.Dispose();
    }

    private static Snapshot Build(FlowLoadResult result)
    {
        var problems = result.Problems.Concat(FlowValidator.Validate(result.Flows)).ToList();
        var broken = problems.Where(p => p.IsError).Select(p => p.Location.File).ToHashSet(StringComparer.Ordinal);
        var flows = result.Flows
            .Where(f => !broken.Contains(f.Location.File))
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(f => f.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Snapshot(flows, flows.ToDictionary(f => f.Id, StringComparer.Ordinal), new FlowDetector(flows), problems);
    }

    private void Watch(string directory)
    {
        _reloadTimer = _time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(directory, FlowLoader.FilePattern)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };

        // Editors save in several steps: wait until the changes stop, then reload once.
        void Schedule(object? sender, EventArgs e) => _reloadTimer?.Change(ReloadDelay, Timeout.InfiniteTimeSpan);
        _watcher.Changed += Schedule;
        _watcher.Created += Schedule;
        _watcher.Deleted += Schedule;
        _watcher.Renamed += Schedule;
        _watcher.EnableRaisingEvents = true;
    }

    private sealed record Snapshot(IReadOnlyList<Flow> Flows, Dictionary<string, Flow> ById, FlowDetector Detector, IReadOnlyList<FlowProblem> Problems);
}

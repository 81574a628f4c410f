using Helpdesk.KnowledgeIndex;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>What the index service last did, for the dialog ("still loading") and <c>/readyz</c>.</summary>
internal sealed class KnowledgeIndexStatus : IKnowledgeAvailability
{
    private readonly Lock _gate = new();
    private Snapshot _current = new(false, false, null, null);

    /// <summary>True once an index that can answer exists: the first build finished, or one was already on disk.</summary>
    public bool IsAvailable => Current.Available;

    public Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>An index from an earlier run is on disk and answers while the new one is built.</summary>
    public void ExistingIndexFound(int articles) => Update(s => s with { Available = true, Articles = articles });

    public void Built(ReindexResult result) => Update(s => new Snapshot(true, false, result, null) { Articles = result.Build.Articles });

    public void Failed(string reason) => Update(s => s with { Failed = true, Error = reason });

    private void Update(Func<Snapshot, Snapshot> change)
    {
        lock (_gate)
        {
            _current = change(_current);
        }
    }

    /// <summary>The state at one moment.</summary>
    /// <param name="Available">An index answers.</param>
    /// <param name="Failed">The last build failed (see <paramref name="Error"/>).</param>
    /// <param name="LastBuild">The last successful build.</param>
    /// <param name="Error">Why the last build failed.</param>
    internal sealed record Snapshot(bool Available, bool Failed, ReindexResult? LastBuild, string? Error)
    {
        public int Articles { get; init; }
    }
}

using Helpdesk.KnowledgeIndex.Evaluation;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>
/// The shared 1,309-article corpus (read from ../shared/kb-corpus beside the repository) and the project's own
/// articles, each indexed once as baseline and tuned, for the whole test collection.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    public CorpusFixture()
    {
        var sets = EvalSet.ForRepository(RepoPaths.Current);
        Corpus = EvalRun.Create(sets.Single(s => s.Name == "corpus"), new FakeTimeProvider());
        Own = EvalRun.Create(sets.Single(s => s.Name == "own"), new FakeTimeProvider());
    }

    public EvalRun Corpus { get; }

    public EvalRun Own { get; }

    public void Dispose()
    {
        Corpus.Dispose();
        Own.Dispose();
    }
}

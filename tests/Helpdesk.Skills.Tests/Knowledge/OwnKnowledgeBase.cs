using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Evaluation;
using Lucene.Net.Store;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>The real index over the project's own 45 articles, built once (in memory) for the whole test run.</summary>
public static class OwnKnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Shared = new(Build);

    public static KnowledgeBase Instance => Shared.Value;

    public static RepositoryPaths Paths { get; } = RepositoryPaths.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Helpdesk.Bot.sln not found above " + AppContext.BaseDirectory);

    private static KnowledgeBase Build()
    {
        var kb = KnowledgeBase.Open(new RAMDirectory(), TimeProvider.System, createIfMissing: true, ownsDirectory: true);
        kb.Reindex([Paths.OwnArticles]);
        return kb;
    }
}

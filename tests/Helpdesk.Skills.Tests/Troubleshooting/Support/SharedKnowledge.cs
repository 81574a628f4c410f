using Helpdesk.KnowledgeIndex;
using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>The project's own KB articles indexed once, in memory, with the real knowledge-index library.</summary>
internal static class SharedKnowledge
{
    private static readonly Lazy<KnowledgeBase> Lazy = new(() =>
    {
        var knowledgeBase = KnowledgeBase.Open(new RAMDirectory(), new FakeTimeProvider(), createIfMissing: true, ownsDirectory: true);
        knowledgeBase.Reindex([Repo.Articles]);
        return knowledgeBase;
    });

    public static KnowledgeBase Instance => Lazy.Value;
}

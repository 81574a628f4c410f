using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>The project's own articles indexed once (in memory) for a test class.</summary>
public sealed class OwnKnowledgeBaseFixture : IDisposable
{
    public OwnKnowledgeBaseFixture()
    {
        KnowledgeBase = KnowledgeBase.Open(new RAMDirectory(), new FakeTimeProvider(), createIfMissing: true, ownsDirectory: true);
        KnowledgeBase.Reindex([RepoPaths.Current.OwnArticles]);
    }

    public KnowledgeBase KnowledgeBase { get; }

    public void Dispose() => KnowledgeBase.Dispose();
}

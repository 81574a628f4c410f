namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>Test classes that share the indexed corpus.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "Corpus";
}

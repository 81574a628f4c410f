namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Facts about the open index snapshot.</summary>
/// <param name="Articles">Articles searchable.</param>
/// <param name="Segments">Lucene segments.</param>
/// <param name="SizeBytes">Size of the index files on disk (0 for in-memory indexes).</param>
/// <param name="BuiltAt">When the snapshot was committed, when recorded.</param>
/// <param name="BuildTime">How long the build took, when recorded.</param>
/// <param name="Sources">Article directories it was built from.</param>
/// <param name="ArticlesByFormat">Article count per front matter format.</param>
/// <param name="ArticlesByCategory">Article count per category (articles without one are not counted).</param>
/// <param name="Generation">Commit generation (grows with each rebuild).</param>
public sealed record KnowledgeIndexStats(
    int Articles,
    int Segments,
    long SizeBytes,
    DateTimeOffset? BuiltAt,
    TimeSpan? BuildTime,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, int> ArticlesByFormat,
    IReadOnlyDictionary<string, int> ArticlesByCategory,
    long Generation);

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>Outcome of building an index.</summary>
/// <param name="Articles">Articles written.</param>
/// <param name="Elapsed">Time spent mapping, analyzing and committing.</param>
/// <param name="BuiltAt">When the commit finished.</param>
public sealed record IndexBuildResult(int Articles, TimeSpan Elapsed, DateTimeOffset BuiltAt);

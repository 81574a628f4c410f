namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>What one <see cref="SemanticReranker.Prepare"/> did.</summary>
/// <param name="Articles">Articles now covered.</param>
/// <param name="Passages">Passages they have.</param>
/// <param name="Encoded">Passages the model had to embed (the rest came from the cache).</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="CacheProblem">Why the cache file was not used, when it was not.</param>
public sealed record SemanticPreparation(int Articles, int Passages, int Encoded, TimeSpan Elapsed, string? CacheProblem);

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>A ranked hit without snippet: id, path and score.</summary>
public sealed record RankedArticle(string Id, string Path, float Score);

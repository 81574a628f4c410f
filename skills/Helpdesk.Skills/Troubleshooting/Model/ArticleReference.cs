namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>A knowledge-base article named by its front-matter <c>id</c>.</summary>
public sealed record ArticleReference(string Id, SourceLocation Location);

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>A file split into its YAML front matter and Markdown body, with the 1-based line each starts at.</summary>
internal sealed record FrontMatterSplit(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

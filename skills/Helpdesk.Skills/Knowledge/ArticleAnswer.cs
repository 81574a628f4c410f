namespace Helpdesk.Skills.Knowledge;

/// <summary>A user's answer about one article shown for one question: the raw material of relevance judgments.</summary>
/// <param name="Query">The question (redacted).</param>
/// <param name="ArticleId">The article.</param>
/// <param name="Helped">Whether the user said it solved the problem.</param>
public sealed record ArticleAnswer(string Query, string ArticleId, bool Helped);

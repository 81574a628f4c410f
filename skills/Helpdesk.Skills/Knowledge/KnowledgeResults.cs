namespace Helpdesk.Skills.Knowledge;

/// <summary>What the results flow starts with: the (redacted) question and its confident answers, best first.</summary>
public sealed record KnowledgeResults(string Query, IReadOnlyList<FoundArticle> Articles);

using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Skills.Knowledge;

/// <summary>What the results flow starts with: the (redacted) question and its confident answers, best first.</summary>
/// <param name="Query">The question, redacted.</param>
/// <param name="Articles">The confident articles, best first.</param>
/// <param name="Generated">The language model's grounded answer (validated), when there is one.</param>
public sealed record KnowledgeResults(string Query, IReadOnlyList<FoundArticle> Articles, GroundedAnswer? Generated = null);

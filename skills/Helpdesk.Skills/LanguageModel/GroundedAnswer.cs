namespace Helpdesk.Skills.LanguageModel;

/// <summary>A validated grounded answer.</summary>
/// <param name="Text">The answer (Markdown, no links): empty when <paramref name="Covered"/> is false.</param>
/// <param name="CitedArticleIds">The passages it used: each one of the question's passages, at least one when covered.</param>
/// <param name="Covered">False when the model said the passages don't answer the question.</param>
public sealed record GroundedAnswer(string Text, IReadOnlyList<string> CitedArticleIds, bool Covered)
{
    /// <summary>"The passages don't cover it."</summary>
    public static GroundedAnswer NotCovered { get; } = new(string.Empty, [], Covered: false);
}

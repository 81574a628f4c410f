namespace Helpdesk.Skills.LanguageModel;

/// <summary>A help question and the passages retrieved for it, best first.</summary>
/// <param name="Question">The user's question, redacted.</param>
/// <param name="Passages">The retrieved passages the answer may use (and cite) — nothing else.</param>
public sealed record GroundedQuestion(string Question, IReadOnlyList<GroundingPassage> Passages);

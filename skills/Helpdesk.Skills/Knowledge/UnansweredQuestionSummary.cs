namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// One question the articles could not answer, counted over every time it was asked (grouped by
/// <see cref="QuestionKey"/>): what IT admins should write an article for next.
/// </summary>
/// <param name="Question">The latest wording (redacted).</param>
/// <param name="Times">How often it was asked.</param>
/// <param name="FirstAskedAt">First time in the period.</param>
/// <param name="LastAskedAt">Latest time.</param>
/// <param name="BestConfidence">The highest confidence any article reached for it; null when nothing ever matched.</param>
public sealed record UnansweredQuestionSummary(string Question, int Times, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, double? BestConfidence);

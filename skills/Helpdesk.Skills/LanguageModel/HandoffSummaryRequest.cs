namespace Helpdesk.Skills.LanguageModel;

/// <summary>What a generated handoff summary is written from — all of it redacted.</summary>
/// <param name="Reason">Why the conversation was escalated.</param>
/// <param name="Category">The ticket category.</param>
/// <param name="ErrorText">The exact error the user reported, if any.</param>
/// <param name="StepsTried">Steps tried, as "step → answer".</param>
/// <param name="ArticlesShown">Articles shown, as "title — helped / did not help".</param>
/// <param name="Transcript">The conversation, oldest first, as "user: …" / "bot: …" lines.</param>
public sealed record HandoffSummaryRequest(
    string Reason,
    string Category,
    string? ErrorText,
    IReadOnlyList<string> StepsTried,
    IReadOnlyList<string> ArticlesShown,
    IReadOnlyList<string> Transcript);

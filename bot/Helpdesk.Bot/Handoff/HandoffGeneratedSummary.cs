namespace Helpdesk.Bot.Handoff;

/// <summary>
/// The summary a language model wrote for the agent (3–5 lines: issue, what was tried, what the user wants, notes),
/// shown beside the extractive <see cref="HandoffContext.Summary"/> and always marked as generated.
/// </summary>
/// <param name="Lines">The lines, each redacted.</param>
/// <param name="Model">The model (deployment) that wrote it.</param>
internal sealed record HandoffGeneratedSummary(IReadOnlyList<string> Lines, string Model)
{
    /// <summary>Always true: the marker consumers (the console, a hub) show it by.</summary>
    public bool Generated => true;
}

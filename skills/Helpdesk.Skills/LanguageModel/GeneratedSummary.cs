namespace Helpdesk.Skills.LanguageModel;

/// <summary>A generated handoff summary: 3–5 lines, and which model wrote it (shown with it, so the agent knows it is generated).</summary>
/// <param name="Lines">"Issue: …", "Tried: …", "Wants: …" and up to two more.</param>
/// <param name="Model">The model (deployment) name.</param>
public sealed record GeneratedSummary(IReadOnlyList<string> Lines, string Model);

namespace Helpdesk.Skills.Knowledge;

/// <summary>How the knowledge dialog is started.</summary>
/// <param name="Query">The user's question; null to ask for it first ("Search help articles").</param>
/// <param name="Suggestions">Buttons shown with "I couldn't find an article" (e.g. the main menu), so the user has a way on.</param>
public sealed record KnowledgeRequest(string? Query, IReadOnlyList<string>? Suggestions = null);

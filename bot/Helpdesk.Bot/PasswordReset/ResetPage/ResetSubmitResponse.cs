namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary>The answer to a submission: <c>changed</c>, <c>weak</c>, <c>rejected</c>, <c>link-invalid</c>, <c>blocked</c>, <c>unavailable</c>.</summary>
internal sealed record ResetSubmitResponse(string Status, IReadOnlyList<string> Messages, string? Reason = null);

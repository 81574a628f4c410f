namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary><c>POST /reset/api/state</c>: what the page's link is for.</summary>
internal sealed record ResetStateRequest(string? Token);

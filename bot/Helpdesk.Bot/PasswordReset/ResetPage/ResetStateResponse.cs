namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary>What the reset page shows: the link's status and, when it works, the account and the policy.</summary>
internal sealed record ResetStateResponse(
    string Status,
    string? Account = null,
    string? DisplayName = null,
    DateTimeOffset? ExpiresAt = null,
    int MinLength = 0,
    int MaxLength = 0,
    IReadOnlyList<string>? ContextWords = null);

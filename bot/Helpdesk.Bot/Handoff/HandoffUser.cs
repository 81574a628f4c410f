namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Who the user is: the channel account and, from the case file, the account and whether it was verified;
/// <paramref name="DisplayName"/> is how the console names them (<see cref="HandoffUserLabel"/>).
/// </summary>
internal sealed record HandoffUser(string? Id, string? Name, string? AadObjectId, string? Account, bool Verified, string? VerificationMethod, string? DisplayName = null);

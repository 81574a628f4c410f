namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>What the channel and the case file know about the user to look up.</summary>
/// <param name="ChannelId">The channel (msteams, slack, webchat…).</param>
/// <param name="UserId">The channel's user id.</param>
/// <param name="AadObjectId">The Entra object id (Teams sends it).</param>
/// <param name="Name">The display name the channel sent.</param>
/// <param name="Account">The account (UPN) the user named or verified, from the case file, if any.</param>
/// <param name="AccountVerified">True only when the user proved <paramref name="Account"/> is theirs with a second factor in this conversation.</param>
public sealed record DirectoryLookupRequest(string? ChannelId, string? UserId, string? AadObjectId, string? Name, string? Account, bool AccountVerified = false);

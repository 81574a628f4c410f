using System.Security.Cryptography;
using System.Text;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// How agents see who they are talking to, honestly: the name the channel sent (<c>from.name</c>), else the directory's
/// display name when the identity is established (a verified account, a Teams sign-in), with the account only when the
/// user proved it is theirs ("Alex Wilber · ada@contoso.example (verified)"); otherwise the channel's kind of user with a
/// short stable tag of the channel's user id ("Web Chat visitor ·3f9a1c"). An e-mail or UPN the user merely typed is
/// never shown: it proves nothing.
/// </summary>
internal static class HandoffUserLabel
{
    public static string For(string? channelId, string? userId, string? name, string? account, bool verified, string? directoryName = null)
    {
        var named = Clean(name) ?? Clean(directoryName);
        if (verified && !string.IsNullOrWhiteSpace(account))
        {
            return named is null ? $"{account} (verified)" : $"{named} · {account} (verified)";
        }

        if (named is not null)
        {
            return named;
        }

        var kind = channelId?.ToLowerInvariant() switch
        {
            ChannelIds.Directline or ChannelIds.Webchat => "Web Chat visitor",
            ChannelIds.Msteams => "Teams user",
            ChannelIds.Slack => "Slack user",
            null or "" => "User",
            var other => $"{other} user",
        };
        return string.IsNullOrWhiteSpace(userId) ? kind : $"{kind} ·{Tag(userId)}";
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    /// <summary>Six hex characters of the user id's SHA-256: tells visitors apart without showing the id.</summary>
    private static string Tag(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)).AsSpan(0, 3));
}

using System.Diagnostics.CodeAnalysis;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// How a Slack conversation is named in activities: <c>{team}:{channel}</c> for a direct message, and
/// <c>{team}:{channel}:{thread_ts}</c> for a thread — in channels every mention of the bot starts its own threaded
/// conversation, so several people can get help in one channel without their dialogs mixing.
/// </summary>
internal sealed record SlackConversationId(string TeamId, string ChannelId, string? ThreadTs)
{
    public override string ToString() => ThreadTs is null ? $"{TeamId}:{ChannelId}" : $"{TeamId}:{ChannelId}:{ThreadTs}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out SlackConversationId? id)
    {
        id = null;
        var parts = value?.Split(':');
        if (parts is not { Length: 2 or 3 } || parts.Any(string.IsNullOrWhiteSpace))
        {
            return false;
        }

        id = new SlackConversationId(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        return true;
    }

    /// <summary>Direct-message channel ids start with D.</summary>
    public static bool IsDirectMessageChannel(string? channelId) => channelId?.StartsWith('D') == true;
}

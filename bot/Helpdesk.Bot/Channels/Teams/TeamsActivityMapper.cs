using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Channels.Cards;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// Teams' inbound rules, without HTTP: in group chats and channels the text carries the bot's @mention
/// (<c>&lt;at&gt;Helpdesk&lt;/at&gt; my VPN is down</c>), which is removed so the dialogs see only what the user asked;
/// a card button that stands for an answer (<see cref="CardSubmitText"/>) arrives as that answer's text.
/// Everything else (channelData, entities, value) passes unchanged.
/// </summary>
internal static partial class TeamsActivityMapper
{
    /// <summary>Applies the rules to <paramref name="activity"/> (changed in place) and returns it.</summary>
    public static Activity MapInbound(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return activity;
        }

        if (!string.IsNullOrEmpty(activity.Text))
        {
            activity.Text = RemoveBotMention(activity.Text, activity);
        }

        if (string.IsNullOrWhiteSpace(activity.Text) && CardSubmitText.TryRead(activity.Value, out var answer))
        {
            activity.Text = answer;
        }

        return activity;
    }

    /// <summary>
    /// <paramref name="text"/> without the mentions of the activity's recipient (the bot): each mention entity's
    /// <c>text</c> whose <c>mentioned.id</c> is the bot, or <c>&lt;at&gt;{bot name}&lt;/at&gt;</c> when the entities are missing.
    /// Mentions of other people stay. Whitespace left behind is collapsed.
    /// </summary>
    public static string RemoveBotMention(string text, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        var result = text;
        var removed = false;
        foreach (var mention in activity.GetMentions())
        {
            var mentionText = mention.GetString("text");
            if (string.IsNullOrEmpty(mentionText) || !MentionsBot(mention, botId))
            {
                continue;
            }

            if (result.Contains(mentionText, StringComparison.Ordinal))
            {
                result = result.Replace(mentionText, " ", StringComparison.Ordinal);
                removed = true;
            }
        }

        var botName = activity.Recipient?.Name;
        if (!removed && !string.IsNullOrEmpty(botName))
        {
            var bare = $"<at>{botName}</at>";
            if (result.Contains(bare, StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace(bare, " ", StringComparison.OrdinalIgnoreCase);
                removed = true;
            }
        }

        if (!removed)
        {
            return text;
        }

        return Whitespace().Replace(result.Replace("&nbsp;", " ", StringComparison.Ordinal), " ").Trim();
    }

    private static bool MentionsBot(Entity mention, string? botId)
    {
        if (mention.Properties is null || !mention.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!mentioned.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // Teams prefixes bot ids with "28:" in some payloads and not in others.
        var mentionedId = id.GetString();
        return botId is not null && mentionedId is not null
            && (string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Unprefixed(mentionedId), Unprefixed(botId), StringComparison.OrdinalIgnoreCase));
    }

    private static string Unprefixed(string id) => id.StartsWith("28:", StringComparison.Ordinal) ? id[3..] : id;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

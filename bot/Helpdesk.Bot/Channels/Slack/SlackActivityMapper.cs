using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Cards;
using Helpdesk.Bot.Channels.Slack.Wire;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Slack → Activity, without HTTP. A direct message, a mention of the bot, a reply in a thread the bot is part of,
/// and a click on one of the bot's buttons each become the message activity every other channel produces (the bot's
/// mention removed, mrkdwn as plain text, a choice button as its answer's text, a form's inputs merged into
/// <c>value</c>). The bot's own messages, other bots, edits, joins and link clicks become nothing (null).
/// </summary>
internal static class SlackActivityMapper
{
    /// <summary>The activity for an Events API message or app_mention, or null when the bot should not answer it.</summary>
    /// <param name="isBotThread">Whether the bot takes part in a thread conversation (replies there need no mention).</param>
    public static Activity? FromEvent(SlackEventEnvelope envelope, SlackEvent slackEvent, string? botUserId, Func<string, bool> isBotThread, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(slackEvent);
        ArgumentNullException.ThrowIfNull(isBotThread);
        var isMention = slackEvent.Type == SlackProtocol.AppMentionEvent;
        if ((!isMention && slackEvent.Type != SlackProtocol.MessageEvent)
            || slackEvent.BotId is not null
            || string.IsNullOrEmpty(slackEvent.User)
            || (botUserId is not null && slackEvent.User == botUserId)
            || (slackEvent.Subtype is not null && !SlackProtocol.UserSubtypes.Contains(slackEvent.Subtype))
            || string.IsNullOrEmpty(slackEvent.Channel)
            || string.IsNullOrEmpty(slackEvent.Ts))
        {
            return null;
        }

        var team = slackEvent.Team ?? envelope.TeamId ?? "T";
        var isDirect = slackEvent.ChannelType == SlackProtocol.DirectMessage || (!isMention && slackEvent.ChannelType is null && SlackConversationId.IsDirectMessageChannel(slackEvent.Channel));
        var conversation = new SlackConversationId(team, slackEvent.Channel, isDirect ? slackEvent.ThreadTs : slackEvent.ThreadTs ?? slackEvent.Ts);
        if (!isDirect && !isMention)
        {
            // A plain message in a channel: only a reply in a thread the bot is in, and not one that mentions the bot
            // (Slack sends that one again as app_mention).
            var mentionsBot = botUserId is not null && slackEvent.Text?.Contains($"<@{botUserId}", StringComparison.Ordinal) == true;
            if (slackEvent.ThreadTs is null || mentionsBot || !isBotThread(conversation.ToString()))
            {
                return null;
            }
        }

        var channelData = new JsonObject
        {
            ["team_id"] = team,
            ["channel"] = slackEvent.Channel,
            ["event_id"] = envelope.EventId,
            ["event_type"] = slackEvent.Type,
            ["ts"] = slackEvent.Ts,
            ["thread_ts"] = slackEvent.ThreadTs,
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = slackEvent.Ts,
            Timestamp = ParseTs(slackEvent.Ts),
            ChannelId = ChannelIds.Slack,
            ServiceUrl = serviceUrl,
            From = new ChannelAccount(slackEvent.User, null, RoleTypes.User),
            Recipient = new ChannelAccount(botUserId ?? envelope.ApiAppId, null, RoleTypes.Bot),
            Conversation = Conversation(conversation, slackEvent.ChannelType, isDirect),
            Text = SlackMrkdwn.ToPlainText(slackEvent.Text, botUserId),
            TextFormat = TextFormatTypes.Plain,
            ChannelData = channelData,
        };
    }

    /// <summary>The activity for a <c>block_actions</c> click on one of the bot's buttons, or null (link buttons, select changes).</summary>
    public static Activity? FromInteraction(SlackInteraction interaction, string? botUserId, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var action = interaction.Actions?.FirstOrDefault();
        var channel = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        if (interaction.Type != SlackProtocol.BlockActions || action is null || string.IsNullOrEmpty(interaction.User?.Id) || string.IsNullOrEmpty(channel))
        {
            return null;
        }

        var kind = SlackButtonKinds.KindOf(action.ActionId);
        if (kind is null or SlackButtonKinds.OpenUrl || action.Type is not (null or "button"))
        {
            return null;
        }

        if (!TryReadButton(kind, action.Value, ReadInputs(interaction.State), out var text, out var value))
        {
            return null;
        }

        var team = interaction.Team?.Id ?? interaction.User.TeamId ?? "T";
        var isDirect = SlackConversationId.IsDirectMessageChannel(channel);
        var messageTs = interaction.Container?.MessageTs ?? interaction.Message?.Ts;
        var thread = interaction.Container?.ThreadTs ?? interaction.Message?.ThreadTs ?? (isDirect ? null : messageTs);
        var conversation = new SlackConversationId(team, channel, thread);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = action.ActionTs ?? interaction.TriggerId,
            Timestamp = ParseTs(action.ActionTs),
            ChannelId = ChannelIds.Slack,
            ServiceUrl = serviceUrl,
            From = new ChannelAccount(interaction.User.Id, interaction.User.Name ?? interaction.User.Username, RoleTypes.User),
            Recipient = new ChannelAccount(botUserId ?? interaction.ApiAppId, null, RoleTypes.Bot),
            Conversation = Conversation(conversation, isDirect ? SlackProtocol.DirectMessage : null, isDirect),
            ReplyToId = messageTs,
            Text = text,
            TextFormat = text is null ? null : TextFormatTypes.Plain,
            Value = value,
            ChannelData = new JsonObject
            {
                ["team_id"] = team,
                ["channel"] = channel,
                ["message_ts"] = messageTs,
                ["thread_ts"] = thread,
                ["action_id"] = action.ActionId,
                ["interaction"] = SlackProtocol.BlockActions,
            },
        };
    }

    /// <summary>The inputs of a message's form (<c>state.values</c>) by the id of their element: text, selection(s), date…</summary>
    public static Dictionary<string, string> ReadInputs(JsonElement state)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state.ValueKind != JsonValueKind.Object || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
        {
            return inputs;
        }

        foreach (var block in blocks.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var element in block.Value.EnumerateObject())
            {
                if (ReadInput(element.Value) is { } value)
                {
                    inputs[element.Name] = value;
                }
            }
        }

        return inputs;
    }

    private static string? ReadInput(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Text("value") is { } value)
        {
            return value;
        }

        if (element.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object
            && option.TryGetProperty("value", out var selected) && selected.ValueKind == JsonValueKind.String)
        {
            return selected.GetString();
        }

        if (element.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            var values = options.EnumerateArray()
                .Select(o => o.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .OfType<string>().ToList();
            var type = Text("type");
            return values.Count == 0 && type == "checkboxes" ? "false" : string.Join(',', values);
        }

        return Text("selected_date") ?? Text("selected_time");
    }

    private static bool TryReadButton(string kind, string? raw, Dictionary<string, string> inputs, out string? text, out JsonNode? value)
    {
        text = null;
        value = null;
        switch (kind)
        {
            case SlackButtonKinds.ImBack:
                text = raw;
                return !string.IsNullOrEmpty(raw);
            case SlackButtonKinds.PostBack:
                value = ParseJson(raw);
                if (value is JsonObject or JsonArray)
                {
                    return true;
                }

                text = raw;
                value = null;
                return !string.IsNullOrEmpty(raw);
            case SlackButtonKinds.MessageBack:
                if (ParseJson(raw) is not JsonObject messageBack)
                {
                    return false;
                }

                text = (string?)messageBack["text"];
                value = messageBack["value"]?.DeepClone();
                return text is not null || value is not null;
            case SlackButtonKinds.Submit:
            case SlackButtonKinds.Execute:
                var payload = ParseJson(raw);
                var verb = kind == SlackButtonKinds.Execute && payload is JsonObject execute ? (string?)execute["verb"] : null;
                var data = kind == SlackButtonKinds.Execute && payload is JsonObject withData ? withData["data"]?.DeepClone() : payload;
                if (data is JsonValue scalar && scalar.TryGetValue<string>(out var answer))
                {
                    text = answer; // string data means the answer itself, as Web Chat reads it
                    return true;
                }

                var merged = data as JsonObject ?? [];
                foreach (var (id, input) in inputs)
                {
                    merged[id] = input;
                }

                if (CardSubmitText.TryRead(JsonSerializer.SerializeToElement(merged), out var choice))
                {
                    text = choice;
                }
                else if (verb == TeamsProtocol.ChoiceVerb && (string?)merged["text"] is { Length: > 0 } chosen)
                {
                    text = chosen;
                }

                value = merged;
                return true;
            default:
                return false;
        }
    }

    private static JsonNode? ParseJson(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonValue.Create(raw);
        }
    }

    private static ConversationAccount Conversation(SlackConversationId id, string? channelType, bool isDirect) =>
        new(id.ToString(), isGroup: !isDirect)
        {
            ConversationType = isDirect
                ? TeamsProtocol.PersonalConversation
                : channelType == SlackProtocol.GroupDirectMessage ? TeamsProtocol.GroupChatConversation : TeamsProtocol.ChannelConversation,
            TenantId = id.TeamId,
        };

    /// <summary>A Slack timestamp (<c>1712345678.000200</c>) as a time, or null.</summary>
    public static DateTimeOffset? ParseTs(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799m
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
}

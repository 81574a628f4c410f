using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Cards;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// Teams' outbound rules, the last step before an activity goes to the Bot Connector (the dialogs stay
/// channel-neutral). Suggested actions stay only where Teams shows them all — a personal chat, at most three
/// imBack buttons; anywhere else (group chats and channels, longer menus, other button kinds) they become an
/// Adaptive Card 1.5 whose <c>Action.Submit</c> buttons carry <c>msteams: {type: imBack}</c>, so a click is the
/// user's answer as a visible message. Adaptive Cards get a version when they have none, and <c>Action.Submit</c>
/// with string data (an answer, as Web Chat reads it) gets the same imBack extension.
/// </summary>
internal static class TeamsActivityRenderer
{
    /// <summary>The activity as Teams should receive it: <paramref name="activity"/> itself when nothing changes, else a changed copy.</summary>
    public static Activity Render(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return activity;
        }

        var actions = activity.SuggestedActions?.Actions;
        var convertActions = actions is { Count: > 0 } && !KeepAsSuggestedActions(actions, activity.Conversation);
        var cards = activity.Attachments?.Any(a => IsAdaptiveCard(a) && NeedsTeamsData(a)) == true;
        if (!convertActions && !cards)
        {
            return activity;
        }

        var rendered = activity.Clone();
        if (cards)
        {
            foreach (var attachment in rendered.Attachments!.Where(IsAdaptiveCard))
            {
                attachment.Content = WithTeamsData(ToNode(attachment.Content));
            }
        }

        if (convertActions)
        {
            rendered.Attachments = [.. rendered.Attachments ?? [], ChoiceCard(rendered.SuggestedActions!.Actions!)];
            rendered.SuggestedActions = null;
        }

        return rendered;
    }

    /// <summary>True when Teams shows these suggested actions as they are (personal chat, ≤ 3 imBack buttons).</summary>
    public static bool KeepAsSuggestedActions(IList<CardAction> actions, ConversationAccount? conversation)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return IsPersonal(conversation)
            && actions.Count <= TeamsProtocol.MaxSuggestedActions
            && actions.All(a => string.Equals(a.Type, ActionTypes.ImBack, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A personal (one-to-one) chat: <c>conversationType</c> personal, or no type and not a group.</summary>
    public static bool IsPersonal(ConversationAccount? conversation) =>
        conversation?.ConversationType is { } type
            ? string.Equals(type, TeamsProtocol.PersonalConversation, StringComparison.OrdinalIgnoreCase)
            : conversation?.IsGroup != true;

    /// <summary>An Adaptive Card 1.5 with one button per action (rows of at most <see cref="TeamsProtocol.MaxActionsPerSet"/>).</summary>
    public static Attachment ChoiceCard(IEnumerable<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var converted = actions.Select(ToAdaptiveAction).OfType<JsonObject>().ToList();
        var body = new JsonArray();
        foreach (var chunk in converted.Chunk(TeamsProtocol.MaxActionsPerSet))
        {
            body.Add(new JsonObject { ["type"] = AdaptiveCards.ActionSet, ["actions"] = new JsonArray([.. chunk]) });
        }

        return new Attachment
        {
            ContentType = AttachmentContentTypes.AdaptiveCard,
            Content = new JsonObject
            {
                ["type"] = AdaptiveCards.CardType,
                ["$schema"] = AdaptiveCards.SchemaUrl,
                ["version"] = AdaptiveCards.Version,
                ["body"] = body,
            },
        };
    }

    /// <summary>A Bot Framework card action as an Adaptive Card action for Teams, or null when Teams has no equivalent.</summary>
    public static JsonObject? ToAdaptiveAction(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var title = action.Title ?? action.Text ?? ValueText(action.Value) ?? string.Empty;
        var type = action.Type ?? ActionTypes.ImBack;
        if (type.Equals(ActionTypes.OpenUrl, StringComparison.OrdinalIgnoreCase)
            || type.Equals(ActionTypes.Call, StringComparison.OrdinalIgnoreCase)
            || type.Equals(ActionTypes.DownloadFile, StringComparison.OrdinalIgnoreCase)
            || type.Equals(ActionTypes.ShowImage, StringComparison.OrdinalIgnoreCase))
        {
            var url = ValueText(action.Value);
            return string.IsNullOrWhiteSpace(url) ? null : new JsonObject { ["type"] = AdaptiveCards.OpenUrlAction, ["title"] = title, ["url"] = url };
        }

        JsonObject data;
        if (type.Equals(ActionTypes.MessageBack, StringComparison.OrdinalIgnoreCase))
        {
            data = CardSubmitText.MessageBackData(action.Text, action.DisplayText ?? action.Text, ToNode(action.Value));
        }
        else if (type.Equals(ActionTypes.PostBack, StringComparison.OrdinalIgnoreCase))
        {
            // postBack: the bot gets the value without a visible message.
            data = ValueText(action.Value) is { } hidden
                ? CardSubmitText.MessageBackData(hidden, null, null)
                : ToNode(action.Value) as JsonObject ?? CardSubmitText.MessageBackData(title, null, null);
        }
        else if (type.Equals(ActionTypes.ImBack, StringComparison.OrdinalIgnoreCase))
        {
            data = CardSubmitText.ImBackData(ValueText(action.Value) ?? title);
        }
        else
        {
            return null; // signin and unknown types: Teams has no card-button form of them.
        }

        return new JsonObject { ["type"] = AdaptiveCards.SubmitAction, ["title"] = title, ["data"] = data };
    }

    private static bool IsAdaptiveCard(Attachment attachment) =>
        string.Equals(attachment.ContentType, AttachmentContentTypes.AdaptiveCard, StringComparison.OrdinalIgnoreCase) && attachment.Content is not null;

    private static bool NeedsTeamsData(Attachment attachment)
    {
        var node = ToNode(attachment.Content);
        return node is JsonObject card && (card["version"] is null || EnumerateActions(card).Any(IsStringSubmit));
    }

    private static JsonNode? WithTeamsData(JsonNode? content)
    {
        if (content is not JsonObject card)
        {
            return content;
        }

        card["version"] ??= AdaptiveCards.Version;
        foreach (var action in EnumerateActions(card).Where(IsStringSubmit).ToList())
        {
            action["data"] = CardSubmitText.ImBackData(action["data"]!.GetValue<string>());
        }

        return card;
    }

    private static bool IsStringSubmit(JsonObject action) =>
        action["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == AdaptiveCards.SubmitAction
        && action["data"] is JsonValue value && value.TryGetValue<string>(out _);

    /// <summary>Every action of a card: card-level, in ActionSets, select actions, and inside Action.ShowCard cards, depth first.</summary>
    private static IEnumerable<JsonObject> EnumerateActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                if (item["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var type) && type.StartsWith("Action.", StringComparison.Ordinal))
                {
                    yield return item;
                }

                foreach (var (_, child) in item)
                {
                    foreach (var action in EnumerateActions(child))
                    {
                        yield return action;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var action in EnumerateActions(child))
                    {
                        yield return action;
                    }
                }

                break;
        }
    }

    private static string? ValueText(object? value) => value switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonValue node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => null,
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, ActivitySerializer.Options),
    };
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Cards;

/// <summary>
/// The answer a card button stands for. A choice button carries <c>{"msteams":{"type":"imBack","value":"Printer"}}</c>
/// (or messageBack with <c>text</c>): Teams turns that into a typed message, but a client that only knows
/// <c>Action.Submit</c> (Agents Playground, Web Chat, the Slack mapper) sends it as <c>value</c> with no text. Reading
/// the text back from that value makes every channel's click arrive as the same answer, so prompts match it.
/// </summary>
internal static class CardSubmitText
{
    /// <summary>The data of a button that answers <paramref name="text"/> (Teams: imBack, the text shown as the user's message).</summary>
    public static JsonObject ImBackData(string text) => new()
    {
        [AdaptiveCards.TeamsDataKey] = new JsonObject { ["type"] = ActionTypes.ImBack, ["value"] = text },
    };

    /// <summary>
    /// The data of a messageBack button: <paramref name="text"/> goes to the bot, <paramref name="displayText"/> (may be
    /// empty: nothing shown) to the chat, <paramref name="value"/> rides along.
    /// </summary>
    public static JsonObject MessageBackData(string? text, string? displayText, JsonNode? value)
    {
        var teams = new JsonObject { ["type"] = ActionTypes.MessageBack };
        if (text is not null)
        {
            teams["text"] = text;
        }

        if (displayText is not null)
        {
            teams["displayText"] = displayText;
        }

        if (value is not null)
        {
            teams["value"] = value;
        }

        return new JsonObject { [AdaptiveCards.TeamsDataKey] = teams };
    }

    /// <summary>True when <paramref name="value"/> (an activity's <c>value</c>) is choice-button data naming a text answer.</summary>
    public static bool TryRead(object? value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        JsonElement element;
        try
        {
            element = value switch
            {
                null => default,
                JsonElement e => e,
                _ => JsonSerializer.SerializeToElement(value, ActivitySerializer.Options),
            };
        }
        catch (NotSupportedException)
        {
            return false;
        }

        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(AdaptiveCards.TeamsDataKey, out var teams)
            || teams.ValueKind != JsonValueKind.Object
            || !teams.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var field = type.GetString() switch
        {
            ActionTypes.ImBack => "value",
            ActionTypes.MessageBack => "text",
            _ => null,
        };
        if (field is not null && teams.TryGetProperty(field, out var answer) && answer.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(answer.GetString()))
        {
            text = answer.GetString()!;
            return true;
        }

        return false;
    }
}

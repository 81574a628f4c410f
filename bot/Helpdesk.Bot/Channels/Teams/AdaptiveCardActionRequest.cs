using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// The <c>value</c> of an <c>adaptiveCard/action</c> invoke (Universal Actions): the clicked <c>Action.Execute</c>
/// (type, verb, data with the card's inputs merged in) and what triggered it (a click, or the card's automatic refresh).
/// </summary>
internal sealed record AdaptiveCardActionRequest(string? ActionType, string? Verb, JsonElement Data, string? Trigger)
{
    /// <summary>Reads the invoke value, or null when it has no <c>action</c> object.</summary>
    public static AdaptiveCardActionRequest? Read(object? value)
    {
        var element = value switch
        {
            null => default,
            JsonElement e => e,
            _ => JsonSerializer.SerializeToElement(value, ActivitySerializer.Options),
        };
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) ? d.Clone() : default;
        return new AdaptiveCardActionRequest(String(action, "type"), String(action, "verb"), data, String(element, "trigger"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>Quick-reply buttons shown under a message until the user answers.</summary>
public sealed class SuggestedActions
{
    public SuggestedActions()
    {
    }

    public SuggestedActions(IEnumerable<CardAction> actions, IEnumerable<string>? to = null)
    {
        Actions = [.. actions];
        To = to is null ? null : [.. to];
    }

    public IList<string>? To { get; set; }

    public IList<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

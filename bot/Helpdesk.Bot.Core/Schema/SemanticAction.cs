using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>A programmatic action carried by an activity.</summary>
public sealed class SemanticAction
{
    public string? Id { get; set; }

    public string? State { get; set; }

    public Dictionary<string, JsonElement>? Entities { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

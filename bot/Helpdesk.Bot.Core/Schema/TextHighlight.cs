using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>A span of text the activity refers to.</summary>
public sealed class TextHighlight
{
    public string? Text { get; set; }

    public int? Occurrence { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

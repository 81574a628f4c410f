using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string? id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Entra ID object id of the account (Teams).</summary>
    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    /// <summary>Fields this schema does not name; kept so they round-trip untouched.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

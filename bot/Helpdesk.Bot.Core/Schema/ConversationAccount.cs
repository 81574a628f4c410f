using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public ConversationAccount()
    {
    }

    public ConversationAccount(string? id, string? name = null, bool? isGroup = null)
    {
        Id = id;
        Name = name;
        IsGroup = isGroup;
    }

    public bool? IsGroup { get; set; }

    /// <summary>"personal", "groupChat" or "channel" on Teams.</summary>
    public string? ConversationType { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// What Teams says about where an activity happened (<c>channelData</c>): the tenant, and for team channels the team
/// and channel; <c>eventType</c> on conversationUpdate (teamMemberAdded, channelCreated…). Read with <see cref="From"/>.
/// </summary>
internal sealed record TeamsChannelData(
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? ChannelName,
    string? EventType)
{
    public static TeamsChannelData Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>True for a team channel (a team is named).</summary>
    public bool IsTeamChannel => TeamId is not null;

    /// <summary>Reads the Teams channel data of <paramref name="activity"/> (empty when it has none); the tenant falls back to <c>conversation.tenantId</c>.</summary>
    public static TeamsChannelData From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.ChannelData switch
        {
            JsonElement element => element,
            null => default,
            var other => JsonSerializer.SerializeToElement(other, ActivitySerializer.Options),
        };
        if (data.ValueKind != JsonValueKind.Object)
        {
            return Empty with { TenantId = activity.Conversation?.TenantId };
        }

        return new TeamsChannelData(
            Read(data, "tenant", "id") ?? activity.Conversation?.TenantId,
            Read(data, "team", "id") ?? Read(data, "teamsTeamId"),
            Read(data, "team", "name"),
            Read(data, "channel", "id") ?? Read(data, "teamsChannelId"),
            Read(data, "channel", "name"),
            Read(data, "eventType"));
    }

    private static string? Read(JsonElement data, string property, string? child = null)
    {
        if (!data.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (child is not null)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(child, out value))
            {
                return null;
            }
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString()) ? value.GetString() : null;
    }
}

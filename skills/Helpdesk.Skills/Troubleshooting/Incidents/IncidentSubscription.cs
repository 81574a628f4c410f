using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>A user's request to be told when an incident changes, with where to tell them.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Reporter">Who (channel and user id, see <see cref="IncidentReporter"/>).</param>
/// <param name="Conversation">Where to send the update (a proactive message).</param>
/// <param name="SubscribedAt">When.</param>
public sealed record IncidentSubscription(string IncidentId, string Reporter, ConversationReference Conversation, DateTimeOffset SubscribedAt)
{
    /// <summary>The incident as the user last heard of it (<see cref="IncidentVersion.Of"/>); null when unknown.</summary>
    public string? NotifiedVersion { get; init; }

    /// <summary>True once the user was told the incident is over (or can no longer be reached): no more updates.</summary>
    public bool Closed { get; init; }

    /// <summary>The user's offset from UTC when they subscribed, so times in updates read in their time.</summary>
    public TimeSpan? UtcOffset { get; init; }
}

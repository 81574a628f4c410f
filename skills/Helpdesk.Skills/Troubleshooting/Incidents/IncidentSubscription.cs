using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>A user's request to be told when an incident changes, with where to tell them.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Reporter">Who (channel and user id, see <see cref="IncidentReporter"/>).</param>
/// <param name="Conversation">Where to send the update (a proactive message).</param>
/// <param name="SubscribedAt">When.</param>
public sealed record IncidentSubscription(string IncidentId, string Reporter, ConversationReference Conversation, DateTimeOffset SubscribedAt);

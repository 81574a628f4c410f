using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// Sends proactive messages to Teams conversations from stored references (a ticket update, an agent's reply) through
/// the shared <see cref="ProactiveMessenger"/>, which keeps the store honest: a conversation Teams says is gone
/// (<see cref="TeamsDeliveryErrors"/>) is marked dead and not tried again until the user writes to the bot again; a
/// transient failure leaves the reference alive.
/// </summary>
internal sealed class TeamsProactiveMessenger(ProactiveMessenger messenger)
{
    /// <summary>Sends <paramref name="activities"/> to the stored conversation.</summary>
    public Task<ProactiveSendResult> SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return messenger.SendAsync(ChannelIds.Msteams, conversationId, (ctx, ct) => ctx.SendActivitiesAsync(activities, ct), cancellationToken);
    }

    /// <summary>Sends <paramref name="activities"/> to the user's personal chat with the bot.</summary>
    public Task<ProactiveSendResult> SendToUserAsync(string userId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return messenger.SendToUserAsync(ChannelIds.Msteams, userId, (ctx, ct) => ctx.SendActivitiesAsync(activities, ct), cancellationToken);
    }
}

using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// Sends proactive messages to Teams conversations from stored references (a ticket update, an agent's reply) and
/// keeps the store honest: a conversation Teams says is gone (<see cref="TeamsDeliveryErrors"/>) is marked dead and
/// not tried again until the user writes to the bot again; a transient failure leaves the reference alive.
/// </summary>
internal sealed class TeamsProactiveMessenger(
    BotFrameworkAdapter adapter,
    IConversationReferenceStore store,
    ILogger<TeamsProactiveMessenger> logger)
{
    /// <summary>Sends <paramref name="activities"/> to the stored conversation.</summary>
    public async Task<ProactiveSendResult> SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var stored = await store.GetAsync(ChannelIds.Msteams, conversationId, cancellationToken);
        return await SendAsync(stored, activities, cancellationToken);
    }

    /// <summary>Sends <paramref name="activities"/> to the user's personal chat with the bot.</summary>
    public async Task<ProactiveSendResult> SendToUserAsync(string userId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var stored = await store.FindPersonalAsync(ChannelIds.Msteams, userId, cancellationToken);
        return await SendAsync(stored, activities, cancellationToken);
    }

    private async Task<ProactiveSendResult> SendAsync(StoredConversationReference? stored, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return ProactiveSendResult.NoReference;
        }

        var conversationId = stored.Reference.Conversation!.Id!;
        if (stored.IsDead)
        {
            logger.LogInformation("Proactive message skipped: the Teams conversation is marked dead ({Reason})", stored.DeadReason);
            return ProactiveSendResult.ConversationGone;
        }

        HttpRequestException? failure = null;
        await adapter.ContinueConversationAsync(
            stored.Reference,
            async (turnContext, ct) =>
            {
                try
                {
                    await turnContext.SendActivitiesAsync(activities, ct);
                }
                catch (HttpRequestException ex)
                {
                    // Caught here, not by the turn's error handler (which would try to apologise into the same dead conversation).
                    failure = ex;
                }
            },
            cancellationToken);

        if (failure is null)
        {
            return ProactiveSendResult.Sent;
        }

        var reason = TeamsDeliveryErrors.ConversationGoneReason(failure);
        if (reason is null)
        {
            logger.LogWarning("Proactive message to a Teams conversation failed (HTTP {Status}); the reference stays", (int?)failure.StatusCode);
            return ProactiveSendResult.Failed;
        }

        await store.MarkDeadAsync(ChannelIds.Msteams, conversationId, reason, cancellationToken);
        logger.LogWarning("Teams conversation marked dead: {Reason}", reason);
        return ProactiveSendResult.ConversationGone;
    }
}

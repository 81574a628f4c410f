using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Every proactive message goes through here — agent replies in a handoff, incident updates, Teams notifications —
/// whatever the channel: the conversation's reference comes from the one <see cref="IConversationReferenceStore"/>
/// (the freshest one, with the adapter it came through), falling back to the reference the feature kept itself; a
/// conversation marked dead is skipped; a failure that means the conversation is gone
/// (<see cref="ProactiveDeliveryErrors"/>) marks it dead, so nobody tries again until the user writes again; anything
/// else is <see cref="ProactiveSendResult.Failed"/> and the reference stays alive. The callback runs in a proactive turn
/// through the adapter's whole middleware pipeline, like any turn; its failure is caught here, not by the turn's error
/// handler (which would try to apologise into the same dead conversation).
/// </summary>
internal sealed class ProactiveMessenger(ProactiveAdapters adapters, IConversationReferenceStore references, ILogger<ProactiveMessenger> logger)
{
    /// <summary>Runs <paramref name="callback"/> in the stored conversation <paramref name="conversationId"/> of <paramref name="channelId"/>.</summary>
    public async Task<ProactiveSendResult> SendAsync(string channelId, string conversationId, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var stored = await references.GetAsync(channelId, conversationId, cancellationToken);
        return await SendAsync(stored, null, null, callback, cancellationToken);
    }

    /// <summary>Runs <paramref name="callback"/> in the user's personal chat on <paramref name="channelId"/>.</summary>
    public async Task<ProactiveSendResult> SendToUserAsync(string channelId, string userId, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var stored = await references.FindPersonalAsync(channelId, userId, cancellationToken);
        return await SendAsync(stored, null, null, callback, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in the conversation of <paramref name="reference"/>: through the stored reference
    /// when the store has that conversation, else through <paramref name="adapterName"/> with <paramref name="reference"/>
    /// itself (a reference kept elsewhere, e.g. by another instance sharing the handoff store).
    /// </summary>
    public async Task<ProactiveSendResult> SendAsync(ConversationReference reference, string? adapterName, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        StoredConversationReference? stored = null;
        if (!string.IsNullOrWhiteSpace(reference.ChannelId) && !string.IsNullOrWhiteSpace(reference.Conversation?.Id))
        {
            stored = await references.GetAsync(reference.ChannelId, reference.Conversation.Id, cancellationToken);
        }

        return await SendAsync(stored, reference, adapterName, callback, cancellationToken);
    }

    /// <summary>Sends <paramref name="activities"/> (a convenience over the callback form).</summary>
    public Task<ProactiveSendResult> SendAsync(ConversationReference reference, string? adapterName, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return SendAsync(reference, adapterName, (ctx, ct) => ctx.SendActivitiesAsync(activities, ct), cancellationToken);
    }

    private async Task<ProactiveSendResult> SendAsync(
        StoredConversationReference? stored, ConversationReference? fallback, string? fallbackAdapter, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (stored is { IsDead: true })
        {
            logger.LogInformation("Proactive message skipped: the {ChannelId} conversation is marked dead ({Reason})", stored.Reference.ChannelId, stored.DeadReason);
            return ProactiveSendResult.ConversationGone;
        }

        var reference = stored?.Reference ?? fallback;
        var adapterName = stored?.AdapterName ?? fallbackAdapter;
        if (reference is null || adapterName is null || string.IsNullOrWhiteSpace(reference.Conversation?.Id))
        {
            return ProactiveSendResult.NoReference;
        }

        Exception? failure = null;
        var delivered = false;
        try
        {
            await adapters.ContinueConversationAsync(
                adapterName,
                reference,
                async (turnContext, ct) =>
                {
                    try
                    {
                        await callback(turnContext, ct);
                        delivered = true;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        failure = ex;
                    }
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or HttpRequestException)
        {
            // No such adapter, or it refused the reference (e.g. a service URL outside the policy).
            failure = ex;
        }

        if (delivered)
        {
            return ProactiveSendResult.Sent;
        }

        var channelId = reference.ChannelId;
        var reason = failure is null ? null : ProactiveDeliveryErrors.ConversationGoneReason(channelId, failure);
        if (reason is null)
        {
            // Without a failure of our own the pipeline stopped before the callback; its error handler logged why.
            logger.LogWarning("Proactive message to a {ChannelId} conversation through {Adapter} failed ({ExceptionType}, HTTP {Status}); the reference stays",
                channelId, adapterName, failure?.GetType().Name ?? "turn failed", (int?)(failure as HttpRequestException)?.StatusCode);
            return ProactiveSendResult.Failed;
        }

        await MarkDeadAsync(stored, reference, adapterName, reason, cancellationToken);
        logger.LogWarning("{ChannelId} conversation marked dead: {Reason}", channelId, reason);
        return ProactiveSendResult.ConversationGone;
    }

    private async Task MarkDeadAsync(StoredConversationReference? stored, ConversationReference reference, string adapterName, string reason, CancellationToken cancellationToken)
    {
        if (stored is null && StorageConversationReferenceStore.Sanitize(reference, adapterName) is not null)
        {
            // Kept elsewhere until now: store it, so the dead mark sticks for every feature.
            await references.SaveAsync(reference, adapterName, cancellationToken);
        }

        await references.MarkDeadAsync(reference.ChannelId!, reference.Conversation!.Id!, reason, cancellationToken);
    }
}

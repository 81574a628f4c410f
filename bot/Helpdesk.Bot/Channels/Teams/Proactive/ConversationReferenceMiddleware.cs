using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// Keeps the conversation references of Teams and Slack conversations up to date, so notifications can reach them
/// later: saved when the user writes or installs the bot (at most once a day per conversation unless the service URL
/// changes — Teams moves conversations between regions), marked dead when the app is uninstalled or the bot removed.
/// A conversation on any other channel is saved when its turn asked for it
/// (<see cref="ConversationReferenceRequests.KeepConversationReference"/>: an incident subscription, a handoff).
/// Each reference is saved with the name of the adapter it came through. A failure to save never fails the user's turn.
/// </summary>
internal sealed class ConversationReferenceMiddleware(
    IConversationReferenceStore store,
    TimeProvider timeProvider,
    ILogger<ConversationReferenceMiddleware> logger,
    Hosting.ProactiveAdapters adapters) : IMiddleware
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (string ServiceUrl, DateTimeOffset SavedAt)> _saved = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (IsRecorded(activity.ChannelId) && activity.Conversation?.Id is { } conversationId)
        {
            try
            {
                if (IsRemoval(activity))
                {
                    _saved.TryRemove(Key(activity.ChannelId!, conversationId), out _);
                    await store.MarkDeadAsync(activity.ChannelId!, conversationId, RemovalReason(activity), cancellationToken);
                }
                else if (IsFromUser(activity))
                {
                    await SaveIfStaleAsync(turnContext, conversationId, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not record the conversation reference: {ExceptionType} (channel {ChannelId})", ex.GetType().FullName, activity.ChannelId);
            }
        }

        await next(cancellationToken);
        if (turnContext.IsConversationReferenceRequested() && activity.Conversation?.Id is not null)
        {
            await SaveRequestedAsync(turnContext, cancellationToken);
        }
    }

    private async Task SaveRequestedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            var reference = turnContext.Activity.GetConversationReference();
            reference.ActivityId = null;
            var adapterName = adapters.NameOf(turnContext.Adapter);
            if (StorageConversationReferenceStore.Sanitize(reference, adapterName) is not null)
            {
                await store.SaveAsync(reference, adapterName, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not keep the conversation reference: {ExceptionType} (channel {ChannelId})", ex.GetType().FullName, turnContext.Activity.ChannelId);
        }
    }

    private static bool IsRecorded(string? channelId) =>
        string.Equals(channelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channelId, ChannelIds.Slack, StringComparison.OrdinalIgnoreCase);

    private static bool IsFromUser(Activity activity) =>
        activity.IsType(ActivityTypes.Message)
        || activity.IsType(ActivityTypes.Invoke)
        || (activity.IsType(ActivityTypes.InstallationUpdate) && !IsRemoval(activity))
        || (activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersAdded is { Count: > 0 });

    /// <summary>The app uninstalled, or the bot itself removed from the conversation.</summary>
    private static bool IsRemoval(Activity activity) =>
        (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action is { } action && action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        || (activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersRemoved?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true);

    private static string RemovalReason(Activity activity) =>
        activity.IsType(ActivityTypes.InstallationUpdate) ? "app uninstalled" : "bot removed from the conversation";

    private static string Key(string channelId, string conversationId) => channelId + "\n" + conversationId;

    private async Task SaveIfStaleAsync(ITurnContext turnContext, string conversationId, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var key = Key(activity.ChannelId!, conversationId);
        var now = timeProvider.GetUtcNow();
        var serviceUrl = activity.ServiceUrl ?? string.Empty;
        if (_saved.TryGetValue(key, out var last) && last.ServiceUrl == serviceUrl && now - last.SavedAt < RefreshInterval)
        {
            return;
        }

        var reference = activity.GetConversationReference();
        var adapterName = adapters.NameOf(turnContext.Adapter);
        if (StorageConversationReferenceStore.Sanitize(reference, adapterName) is null)
        {
            return;
        }

        await store.SaveAsync(reference, adapterName, cancellationToken);
        if (_saved.Count >= MaxRemembered)
        {
            _saved.Clear();
        }

        _saved[key] = (serviceUrl, now);
    }
}

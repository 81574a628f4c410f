using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>State of one user on one channel: key <c>{channelId}/users/{userId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId, so user state has no key.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("The activity has no from.id, so user state has no key.");
        return $"{channelId}/users/{userId}";
    }
}

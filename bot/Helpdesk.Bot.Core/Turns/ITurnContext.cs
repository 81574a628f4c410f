using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>One turn: the incoming activity, a way to reply, and per-turn state.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>The adapter that runs this turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>Values that live for this turn only (loaded state, the dialog context…).</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once the bot has sent a non-trace activity in this turn (an invokeResponse counts).</summary>
    bool Responded { get; }

    /// <summary>Sends a message with <paramref name="text"/> as a reply to the incoming activity.</summary>
    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="activity"/>, addressed to this conversation unless addressed already.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends several activities in order.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a hook that runs on every send of this turn, in registration order.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

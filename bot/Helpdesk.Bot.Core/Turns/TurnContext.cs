using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>The turn context adapters create for each incoming activity.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public Activity Activity { get; }

    public BotAdapter Adapter { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    /// <summary>The answer to an invoke activity, set when the bot sends an <c>invokeResponse</c> activity.</summary>
    public InvokeResponse? InvokeResponse { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return [];
        }

        var reference = Activity.GetConversationReference();
        var outgoing = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            if (activity.Conversation is null)
            {
                activity.ApplyConversationReference(reference);
            }

            activity.Type ??= ActivityTypes.Message;
            outgoing.Add(activity);
        }

        return await RunHandlersAsync(outgoing, 0, cancellationToken);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunHandlersAsync(IReadOnlyList<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
        {
            return _onSend[index](this, activities, () => RunHandlersAsync(activities, index + 1, cancellationToken));
        }

        return DeliverAsync(activities, cancellationToken);
    }

    /// <summary>
    /// Hands the activities to the adapter, except <c>invokeResponse</c> activities, which become
    /// <see cref="InvokeResponse"/> (the HTTP answer to the invoke) and are never delivered. The answer has one
    /// response per activity, in order.
    /// </summary>
    private async Task<ResourceResponse[]> DeliverAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var toSend = new List<Activity>(activities.Count);
        var sentNonTrace = false;
        foreach (var activity in activities)
        {
            if (activity.IsType(ActivityTypes.InvokeResponse))
            {
                InvokeResponse = ActivitySerializer.ConvertPayload<InvokeResponse>(activity.Value) ?? new InvokeResponse(200);
                sentNonTrace = true;
                continue;
            }

            sentNonTrace |= !activity.IsType(ActivityTypes.Trace);
            toSend.Add(activity);
        }

        var delivered = toSend.Count == 0 ? [] : await Adapter.SendActivitiesAsync(this, toSend, cancellationToken);
        if (sentNonTrace)
        {
            Responded = true;
        }

        if (toSend.Count == activities.Count && delivered.Length == activities.Count)
        {
            return delivered;
        }

        var responses = new ResourceResponse[activities.Count];
        var next = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = activities[i].IsType(ActivityTypes.InvokeResponse) || next >= delivered.Length
                ? new ResourceResponse(null)
                : delivered[next++];
        }

        return responses;
    }
}

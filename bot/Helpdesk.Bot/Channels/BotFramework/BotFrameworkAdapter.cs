using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Runs Bot Framework turns (as the SDK's CloudAdapter): the shared middleware, then the bot; replies go through
/// the Bot Connector REST API of the activity's service URL. An invoke is answered with the bot's
/// <c>invokeResponse</c> (501 when it gave none); an <c>expectReplies</c> activity with all replies at once.
/// Teams activities pass through Teams' channel rules both ways (<see cref="TeamsActivityMapper"/> inbound,
/// <see cref="TeamsActivityRenderer"/> outbound), so the dialogs stay channel-neutral.
/// </summary>
internal sealed class BotFrameworkAdapter : BotAdapter
{
    /// <summary>Name under which this adapter sends proactive messages (<see cref="ProactiveAdapters"/>).</summary>
    public const string ProactiveName = "botframework";

    private const string BufferedRepliesKey = "BotFramework.BufferedReplies";
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    private readonly IBot _bot;
    private readonly ConnectorClient _connector;
    private readonly TimeProvider _timeProvider;

    public BotFrameworkAdapter(TurnPipeline pipeline, ConnectorClient connector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _bot = pipeline.Bot;
        _connector = connector;
        _timeProvider = timeProvider;
        pipeline.Attach(this);
    }

    /// <summary>
    /// Runs one turn for an authenticated inbound activity. Returns what the HTTP response carries: the invoke
    /// response, the buffered replies, or null (plain 200).
    /// </summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, ClaimsIdentity identity, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(identity);
        var isInvoke = activity.IsType(ActivityTypes.Invoke); // a card action may run as a message; it is still answered as an invoke
        if (IsTeams(activity.ChannelId))
        {
            TeamsActivityMapper.MapInbound(activity);
        }

        var context = new TurnContext(this, activity);
        context.TurnState[BotFrameworkProtocol.IdentityTurnStateKey] = identity;
        var expectReplies = string.Equals(activity.DeliveryMode, BotFrameworkProtocol.ExpectRepliesDeliveryMode, StringComparison.OrdinalIgnoreCase);
        var buffered = new List<Activity>();
        if (expectReplies)
        {
            context.TurnState[BufferedRepliesKey] = buffered;
        }

        try
        {
            await RunPipelineAsync(context, callback ?? _bot.OnTurnAsync, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && OnTurnError is not null)
        {
            // Not our cancellation: a time-out inside the bot (e.g. an HttpClient's). The user gets the apology.
            await OnTurnError(context, ex);
        }

        if (expectReplies)
        {
            return new InvokeResponse(StatusCodes.Status200OK, new ExpectedReplies(buffered));
        }

        if (isInvoke)
        {
            return context.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
        }

        return null;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        var buffer = turnContext.TurnState.TryGetValue(BufferedRepliesKey, out var value) ? value as List<Activity> : null;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = Render(activities[i]);
            ResourceResponse? response = null;
            if (activity.IsType(BotFrameworkProtocol.DelayActivityType))
            {
                await Task.Delay(ReadDelay(activity.Value), _timeProvider, cancellationToken);
            }
            else if (activity.IsType(ActivityTypes.Trace) && !string.Equals(activity.ChannelId, ChannelIds.Emulator, StringComparison.OrdinalIgnoreCase))
            {
                // Trace activities are for the Emulator only, as in Microsoft's SDK.
            }
            else if (buffer is not null)
            {
                buffer.Add(activity);
            }
            else
            {
                response = await _connector.SendAsync(activity, cancellationToken);
            }

            responses[i] = response ?? new ResourceResponse(activity.Id ?? string.Empty);
        }

        return responses;
    }

    /// <summary>
    /// Proactive message: a turn addressed to <paramref name="reference"/> whose replies go to the reference's
    /// service URL (which must be https, or http to localhost).
    /// </summary>
    public override Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        if (!ServiceUrlPolicy.IsAllowed(reference.ServiceUrl, out _))
        {
            throw new ArgumentException("The conversation reference's serviceUrl must be https (plain http to localhost only).", nameof(reference));
        }

        if (string.IsNullOrWhiteSpace(reference.Conversation?.Id))
        {
            throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));
        }

        return base.ContinueConversationAsync(reference, callback, cancellationToken);
    }

    /// <summary>The channel's outbound rules (the dialogs stay channel-neutral).</summary>
    private static Activity Render(Activity activity) =>
        IsTeams(activity.ChannelId) ? TeamsActivityRenderer.Render(activity)
        : string.Equals(activity.ChannelId, ChannelIds.Slack, StringComparison.OrdinalIgnoreCase) ? AzureSlackActivityRenderer.Render(activity)
        : activity;

    private static bool IsTeams(string? channelId) => string.Equals(channelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase);

    private static TimeSpan ReadDelay(object? value)
    {
        var milliseconds = value switch
        {
            null => (double?)null,
            JsonElement { ValueKind: JsonValueKind.Number } number => number.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            int or long or double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => null,
        };
        return milliseconds is >= 0 and <= 60_000 ? TimeSpan.FromMilliseconds(milliseconds.Value) : DefaultDelay;
    }
}

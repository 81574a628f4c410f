using System.Globalization;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// The bot's side of the direct Slack channel: runs turns through the shared pipeline and posts what the bot says
/// with <c>chat.postMessage</c> — rendered by <see cref="SlackMessageRenderer"/>, in the conversation's thread when it
/// has one. Typing, trace and invoke responses have no Slack form and are dropped; a <c>delay</c> pauses the turn.
/// Proactive messages (<see cref="BotAdapter.ContinueConversationAsync"/>) work from any stored Slack reference.
/// </summary>
internal sealed class SlackAdapter : BotAdapter
{
    public const string DelayActivityType = "delay";

    /// <summary>Name under which this adapter sends proactive messages (<see cref="Hosting.ProactiveAdapters"/>).</summary>
    public const string ProactiveName = "slack";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly IBot _bot;
    private readonly SlackApiClient _api;
    private readonly SlackThreadTracker _threads;
    private readonly TimeProvider _time;

    public SlackAdapter(TurnPipeline pipeline, SlackApiClient api, SlackThreadTracker threads, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _bot = pipeline.Bot;
        _api = api;
        _threads = threads;
        _time = time;
        pipeline.Attach(this);
    }

    /// <summary>Runs one turn for an activity mapped from a Slack event or click.</summary>
    public Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RunPipelineAsync(new TurnContext(this, activity), _bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse(null);
            if (activity.IsType(DelayActivityType))
            {
                await Task.Delay(DelayOf(activity.Value), _time, cancellationToken);
                continue;
            }

            var message = SlackMessageRenderer.Render(activity);
            if (message is null)
            {
                continue;
            }

            if (!SlackConversationId.TryParse(activity.Conversation?.Id, out var conversation))
            {
                throw new InvalidOperationException("The activity is not addressed to a Slack conversation ({team}:{channel}[:{thread}]).");
            }

            var posted = await _api.PostMessageAsync(conversation.ChannelId, conversation.ThreadTs, message, cancellationToken);
            _threads.Remember(conversation);
            responses[i] = new ResourceResponse(posted.Ts);
        }

        return responses;
    }

    private static TimeSpan DelayOf(object? value)
    {
        var milliseconds = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            int parsed => parsed,
            long parsed => parsed,
            double parsed => parsed,
            _ => 1000,
        };
        return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, MaxDelay.TotalMilliseconds));
    }
}

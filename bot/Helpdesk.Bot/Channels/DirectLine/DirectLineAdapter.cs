using System.Globalization;
using System.Text.Json;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// The bot's side of the self-hosted Direct Line channel: runs turns through the shared pipeline and appends what
/// the bot sends to the conversation (ids and timestamps from the store and <see cref="TimeProvider"/>,
/// <c>replyToId</c> kept). Typing goes to open sockets only; <c>trace</c> activities stay server-side; a
/// <c>delay</c> activity pauses the turn. <see cref="BotAdapter.ContinueConversationAsync"/> appends proactively.
/// Secrets stay out of the store: a reply is stored as its redacted copy (<see cref="ActivityRedactor"/>; the user
/// still gets the real one), and a user message that the turn found to be a secret (a code) is rewritten to its
/// redacted copy when the turn ends.
/// </summary>
internal sealed class DirectLineAdapter : BotAdapter
{
    /// <summary>Bot Framework's pause activity (<c>value</c>: milliseconds).</summary>
    public const string DelayActivityType = "delay";

    /// <summary>Name under which this adapter sends proactive messages (<see cref="ProactiveAdapters"/>).</summary>
    public const string ProactiveName = "directline";

    /// <summary>Longest pause a <c>delay</c> activity may ask for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly IBot _bot;
    private readonly DirectLineTranscript _transcript;
    private readonly TimeProvider _time;
    private readonly ChannelAccount _botAccount;
    private readonly ActivityRedactor _redactor;

    public DirectLineAdapter(TurnPipeline pipeline, DirectLineTranscript transcript, ActivityRedactor redactor, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        _transcript = transcript ?? throw new ArgumentNullException(nameof(transcript));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _bot = pipeline.Bot;
        _botAccount = new ChannelAccount(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);
        pipeline.Attach(this);
    }

    /// <summary>The bot's account in this channel.</summary>
    public ChannelAccount BotAccount => new(_botAccount.Id, _botAccount.Name, RoleTypes.Bot);

    /// <summary>Runs one turn for <paramref name="activity"/> (already stored and addressed by the channel).</summary>
    public async Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var context = new TurnContext(this, activity);
        try
        {
            await RunPipelineAsync(context, _bot.OnTurnAsync, cancellationToken);
        }
        finally
        {
            await RedactStoredInboundAsync(context);
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.IsType(DelayActivityType))
            {
                await Task.Delay(DelayOf(activity), _time, cancellationToken);
                responses[i] = new ResourceResponse(null);
                continue;
            }

            if (activity.IsType(ActivityTypes.Trace))
            {
                responses[i] = new ResourceResponse(null);
                continue;
            }

            var conversationId = activity.Conversation?.Id;
            if (!DirectLineIds.IsValidConversationId(conversationId))
            {
                throw new InvalidOperationException("The activity is not addressed to a Direct Line conversation.");
            }

            DirectLineActivityMapper.MapOutbound(activity, conversationId!, _botAccount, null, _time.GetUtcNow());
            try
            {
                var storedCopy = _redactor.Redact(turnContext, activity, inbound: false);
                responses[i] = new ResourceResponse(await _transcript.AddAsync(conversationId!, activity, cancellationToken, storedCopy, deliverFull: true));
            }
            catch (KeyNotFoundException ex)
            {
                throw new ConversationGoneException("The Direct Line conversation does not exist (ended or deleted by retention).", ex);
            }
        }

        return responses;
    }

    /// <summary>The turn found its message to be a secret (or to contain one): the stored copy becomes the redacted one.</summary>
    private async Task RedactStoredInboundAsync(TurnContext context)
    {
        var activity = context.Activity;
        var secrets = TurnSecrets.Find(context);
        if (secrets is null || (!secrets.InboundIsSecret && secrets.Values.Count == 0) || !activity.IsType(ActivityTypes.Message)
            || activity.Conversation?.Id is not { } conversationId || activity.Id is not { } id)
        {
            return;
        }

        await _transcript.ReplaceStoredAsync(conversationId, id, _redactor.Redact(context, activity, inbound: true), CancellationToken.None);
    }

    private static TimeSpan DelayOf(Activity activity)
    {
        var milliseconds = activity.Value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var value) => value,
            JsonElement { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            int value => value,
            long value => value,
            double value => value,
            _ => 1000,
        };
        return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, MaxDelay.TotalMilliseconds));
    }
}

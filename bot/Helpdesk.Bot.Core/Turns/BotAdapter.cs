using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>
/// Connects the bot to a channel: runs turns through the middleware pipeline and delivers what the bot sends.
/// Each transport (Bot Connector, Direct Line, Slack, the test adapter) derives from it.
/// </summary>
public abstract class BotAdapter
{
    protected BotAdapter()
    {
    }

    /// <summary>The middleware every turn of this adapter passes through.</summary>
    public MiddlewareSet Middleware { get; } = new();

    /// <summary>
    /// Runs when a turn throws. It receives the turn (to apologise to the user) and the exception.
    /// Without a handler the exception propagates to the caller.
    /// </summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    /// <summary>Adds middleware to the pipeline.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        Middleware.Use(middleware);
        return this;
    }

    /// <summary>Delivers activities the bot sends during a turn.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="callback"/> in a new turn addressed to the conversation in <paramref name="reference"/>
    /// (proactive messages). The turn's incoming activity is a synthetic event named "ContinueConversation".
    /// </summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
            RelatesTo = reference,
        };
        var context = new TurnContext(this, activity);
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Runs the middleware and then <paramref name="callback"/>; a failure goes to <see cref="OnTurnError"/>.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await Middleware.ReceiveActivityAsync(turnContext, callback, cancellationToken);
        }
        // Only a cancellation the caller asked for bypasses the handler; an internal time-out is a failure the user hears about.
        catch (Exception ex) when (OnTurnError is not null && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await OnTurnError(turnContext, ex);
        }
    }
}

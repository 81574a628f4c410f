using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff.Routing;

/// <summary>
/// Records every inbound and outbound activity of every channel — always the copy made by
/// <see cref="ActivityRedactor.Redact(ITurnContext, Activity, bool)"/>, never the activity itself — so the agent
/// sees the whole conversation and no secret is kept. Typing, trace and delay activities and the synthetic
/// "continue conversation" event of proactive turns are not recorded. The redacted copy is made in the turn; storing
/// it is queued (<see cref="QueuedTranscriptStore"/>), so the turn never waits for the database. A recording failure
/// is logged and never fails the turn. Place it after <see cref="RedactionMiddleware"/>.
/// </summary>
internal sealed class TranscriptMiddleware(ITranscriptStore store, ActivityRedactor redactor, TimeProvider time, ILogger<TranscriptMiddleware> logger) : IMiddleware
{
    /// <summary>The synthetic event <see cref="BotAdapter.ContinueConversationAsync"/> starts proactive turns with.</summary>
    public const string ContinueConversationEvent = "ContinueConversation";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var inbound = turnContext.Activity;
        var key = HandoffKeys.ConversationKey(inbound);
        if (ShouldRecord(inbound) && !IsProactiveStart(inbound))
        {
            await RecordAsync(turnContext, key, inbound, true, cancellationToken);
        }

        turnContext.OnSendActivities(async (ctx, activities, send) =>
        {
            var responses = await send();
            foreach (var activity in activities)
            {
                if (ShouldRecord(activity))
                {
                    await RecordAsync(ctx, HandoffKeys.ConversationKey(activity), activity, false, CancellationToken.None);
                }
            }

            return responses;
        });

        await next(cancellationToken);
    }

    public static bool IsProactiveStart(Activity activity) =>
        activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, ContinueConversationEvent, StringComparison.Ordinal);

    private static bool ShouldRecord(Activity activity) =>
        !activity.IsType(ActivityTypes.Typing) && !activity.IsType(ActivityTypes.Trace) && !activity.IsType("delay")
        && !activity.IsType(ActivityTypes.InvokeResponse) && !activity.IsType(ActivityTypes.ConversationUpdate)
        && !activity.IsType(ActivityTypes.InstallationUpdate);

    private async Task RecordAsync(ITurnContext turnContext, string key, Activity activity, bool inbound, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(key, time.GetUtcNow(), inbound, redactor.RedactToJson(turnContext, activity, inbound), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Transcript: could not record an activity ({ActivityType}, conversation {Key}): {ExceptionType}", activity.Type, key, ex.GetType().Name);
        }
    }
}

using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// What happens when a turn throws: the failure is logged without user content (no message text, which may hold
/// secrets), the user gets an apology with a way forward, and — because state is saved only after a turn
/// completes — the stored conversation state stays as it was before the failed turn.
/// </summary>
internal sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger, IEnumerable<ITurnFailureObserver>? observers = null)
{
    private readonly ITurnFailureObserver[] _observers = [.. observers ?? []];

    public const string Apology =
        "Sorry, something went wrong on my side and I couldn't finish that. Nothing you entered was lost. " +
        "Please try again, type **menu** to start over, or **agent** to reach the service desk.";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        logger.LogError(
            "Turn failed: {ExceptionType} at {Site} (channel {ChannelId}, conversation {ConversationId}, activity {ActivityId}, type {ActivityType})",
            exception.GetType().FullName,
            exception.TargetSite?.DeclaringType?.FullName + "." + exception.TargetSite?.Name,
            activity.ChannelId,
            activity.Conversation?.Id,
            activity.Id,
            activity.Type);
        logger.LogDebug(exception, "Turn failure detail");

        if (!activity.IsType(ActivityTypes.Message) && !activity.IsType(ActivityTypes.Invoke) && !activity.IsType(ActivityTypes.ConversationUpdate))
        {
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Apology), CancellationToken.None);
        }
        catch (Exception sendFailure) when (sendFailure is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogWarning("Could not deliver the apology: {ExceptionType}", sendFailure.GetType().FullName);
            return;
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnTurnFailedAsync(turnContext, exception, CancellationToken.None);
            }
            catch (Exception observerFailure) when (observerFailure is not OperationCanceledException)
            {
                logger.LogWarning("A turn-failure observer failed: {ExceptionType}", observerFailure.GetType().FullName);
            }
        }
    }
}

using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Hosting;

/// <summary>Told about every failed turn after the user got the apology (e.g. to hand a repeatedly failing conversation to a person).</summary>
internal interface ITurnFailureObserver
{
    Task OnTurnFailedAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}

namespace Helpdesk.Bot.Core.Turns;

/// <summary>Cross-cutting turn work (state save, transcript, redaction, handoff routing).</summary>
public interface IMiddleware
{
    /// <summary>Does its work and calls <paramref name="next"/> to continue the turn (or not, to end it).</summary>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}

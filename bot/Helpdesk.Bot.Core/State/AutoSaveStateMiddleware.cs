using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// Saves the given states after a turn that completed. A turn that throws saves nothing, so the stored state
/// stays as it was before the turn.
/// </summary>
public sealed class AutoSaveStateMiddleware(params BotState[] states) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        foreach (var state in states)
        {
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>
/// Shows the user that the bot is working: when a message turn has not answered after <c>delay</c>, a typing
/// activity is sent, and again every <c>period</c> until the bot sends its first message. Fast turns send no
/// typing at all (no extra traffic), and a typing activity is never sent after the turn's reply.
/// </summary>
public sealed class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;

    public ShowTypingMiddleware(TimeProvider time, TimeSpan? delay = null, TimeSpan? period = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _delay = delay ?? TimeSpan.FromMilliseconds(500);
        _period = period ?? TimeSpan.FromSeconds(2);
        if (_delay < TimeSpan.Zero || _period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), "Typing delay must be >= 0 and period > 0.");
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!turnContext.Activity.IsType(ActivityTypes.Message))
        {
            await next(cancellationToken);
            return;
        }

        // The hook stays registered on the turn after this middleware returns (e.g. the error handler's apology
        // is sent later), so it only acts while the turn is running here; nothing here is disposed under it.
        var stop = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        var gate = new SemaphoreSlim(1, 1);
        var answered = false;
        var running = true;
        turnContext.OnSendActivities(async (ctx, activities, send) =>
        {
            if (running && !answered && activities.Any(a => a.IsType(ActivityTypes.Message)))
            {
                await gate.WaitAsync(CancellationToken.None);
                try
                {
                    answered = true;

                    // Cancel, not CancelAsync: the only callback is the typing loop's delay, which ends inline
                    // instead of costing a thread-pool hop on every turn.
                    stop.Cancel();
                }
                finally
                {
                    gate.Release();
                }
            }

            return await send();
        });

        var typing = SendTypingLoopAsync(turnContext, gate, () => answered, stop.Token);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            stop.Cancel();
            await typing;
            running = false;
        }
    }

    private async Task SendTypingLoopAsync(ITurnContext turnContext, SemaphoreSlim gate, Func<bool> answered, CancellationToken cancellationToken)
    {
        try
        {
            var wait = _delay;
            while (!cancellationToken.IsCancellationRequested)
            {
                // Most turns answer before the delay: they end it without an exception being thrown per turn.
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                await gate.WaitAsync(cancellationToken);
                try
                {
                    if (answered())
                    {
                        return;
                    }

                    await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }

                wait = _period;
            }
        }
        catch (OperationCanceledException)
        {
            // The turn finished or answered: stop quietly.
        }
    }
}

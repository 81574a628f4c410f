using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

/// <summary>Middleware that logs around <c>next</c>, or ends the turn without calling it.</summary>
internal sealed class LoggingMiddleware(string name, ConcurrentQueue<string> log, bool callNext = true) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        log.Enqueue($"{name}:before");
        if (callNext)
        {
            await next(cancellationToken);
        }

        log.Enqueue($"{name}:after");
    }
}

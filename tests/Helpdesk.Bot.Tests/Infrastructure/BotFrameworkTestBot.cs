using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>A bot whose turn the test decides (default: answers a message with "echo: {text}").</summary>
internal sealed class BotFrameworkTestBot : IBot
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public Func<ITurnContext, CancellationToken, Task> OnTurn { get; set; } = async (turn, ct) =>
    {
        if (turn.Activity.IsType(ActivityTypes.Message))
        {
            await turn.SendActivityAsync($"echo: {turn.Activity.Text}", ct);
        }
    };

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        Received.Enqueue(turnContext.Activity);
        return OnTurn(turnContext, cancellationToken);
    }
}

using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Bots;

/// <summary>The helpdesk bot (placeholder until the main dialog lands: echoes messages).</summary>
internal sealed class HelpdeskBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.IsType(ActivityTypes.Message))
        {
            await turnContext.SendActivityAsync($"You said: {turnContext.Activity.Text}", cancellationToken);
        }
    }
}

using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// A deterministic bot for Direct Line tests: greets a joining user ("welcome {id}"); answers a message with a
/// typing activity and then "echo: {text}"; "count N" answers with N numbered messages instead.
/// </summary>
public sealed class DirectLineTestBot : IBot
{
    public const string WelcomePrefix = "welcome ";
    public const string EchoPrefix = "echo: ";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            foreach (var member in activity.MembersAdded ?? [])
            {
                if (member.Id != activity.Recipient?.Id)
                {
                    await turnContext.SendActivityAsync(WelcomePrefix + member.Id, cancellationToken);
                }
            }

            return;
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            return;
        }

        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var text = activity.Text ?? string.Empty;
        if (text.StartsWith("count ", StringComparison.Ordinal) && int.TryParse(text["count ".Length..], out var count))
        {
            for (var i = 1; i <= count; i++)
            {
                await turnContext.SendActivityAsync($"{i}", cancellationToken);
            }

            return;
        }

        await turnContext.SendActivityAsync(EchoPrefix + text, cancellationToken);
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Bots;

/// <summary>
/// The helpdesk bot: welcomes each conversation once (when the user joins, the app is installed, or on the first
/// message), then hands every message to the main dialog with the global commands (help, cancel, start over) on top.
/// </summary>
internal sealed class HelpdeskBot : IBot
{
    /// <summary>The invoke Azure Bot Service sends to check the bot is alive.</summary>
    public const string HealthCheckInvoke = "healthCheck";

    private readonly BotTexts _texts;
    private readonly IStatePropertyAccessor<ConversationFlags> _flags;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly DialogManager _dialogs;

    public HelpdeskBot(ConversationState conversationState, MainDialog mainDialog, BotTexts texts)
    {
        _texts = texts;
        _flags = conversationState.CreateProperty<ConversationFlags>(nameof(ConversationFlags));
        _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        _dialogs = new DialogManager(mainDialog, _dialogState, new InterruptionOptions
        {
            HelpMessage = texts.Help,
            StartOverMessage = null,
        });
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke when string.Equals(activity.Name, HealthCheckInvoke, StringComparison.Ordinal):
                await turnContext.SendActivityAsync(
                    new Activity
                    {
                        Type = ActivityTypes.InvokeResponse,
                        Value = new InvokeResponse(200, new { healthResults = new { success = true, messages = new[] { "Health check succeeded." } } }),
                    },
                    cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when UserJoined(activity):
            case ActivityTypes.InstallationUpdate when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                await WelcomeAsync(turnContext, withMenu: true, cancellationToken);
                break;
            default:
                break;
        }
    }

    private static bool UserJoined(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && !string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true;

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var isBareGreeting = string.IsNullOrWhiteSpace(text) ? turnContext.Activity.Value is null : MainDialog.IsGreeting(text);
        var flags = await _flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken);
        if (!flags!.Welcomed)
        {
            await WelcomeAsync(turnContext, withMenu: isBareGreeting, cancellationToken);
            if (isBareGreeting)
            {
                return;
            }
        }
        else if (isBareGreeting && await IsIdleAsync(turnContext, cancellationToken))
        {
            await turnContext.SendActivityAsync(MainMenu.Prompt(_texts.GreetAgain), cancellationToken);
            return;
        }

        await _dialogs.OnTurnAsync(turnContext, cancellationToken);
    }

    private async Task<bool> IsIdleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await _dialogState.GetAsync(turnContext, null, cancellationToken);
        return state is null || state.DialogStack.Count == 0;
    }

    private async Task WelcomeAsync(ITurnContext turnContext, bool withMenu, CancellationToken cancellationToken)
    {
        var flags = await _flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken);
        if (flags!.Welcomed)
        {
            return;
        }

        flags.Welcomed = true;
        await _flags.SetAsync(turnContext, flags, cancellationToken);
        var name = turnContext.Activity.IsType(ActivityTypes.Message) ? turnContext.Activity.From?.Name : null;
        await turnContext.SendActivityAsync(MessageFactory.Text(_texts.Welcome(name)), cancellationToken);
        if (withMenu)
        {
            await turnContext.SendActivityAsync(MainMenu.Prompt(_texts.MenuPrompt), cancellationToken);
        }
    }
}

using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// Runs a root dialog with global commands on top (<see cref="InterruptionOptions"/>): before the active dialog sees a
/// message, "help" shows help and re-asks the current question (or begins the root dialog when none is active),
/// "cancel" ends every dialog with a confirmation, and
/// "start over" / "menu" ends every dialog and begins the root dialog again. Any other activity continues the active
/// dialog, or begins the root dialog when none is active. One instance serves all conversations.
/// </summary>
public sealed class DialogManager
{
    private readonly DialogSet _dialogs;
    private readonly InterruptionRecognizer _recognizer;
    private readonly InterruptionOptions _options;

    public DialogManager(Dialog rootDialog, IStatePropertyAccessor<DialogState> accessor, InterruptionOptions? options = null)
    {
        RootDialog = rootDialog ?? throw new ArgumentNullException(nameof(rootDialog));
        ArgumentNullException.ThrowIfNull(accessor);
        _options = options ?? new InterruptionOptions();
        _recognizer = new InterruptionRecognizer(_options);
        _dialogs = new DialogSet(accessor).Add(rootDialog);
    }

    /// <summary>The dialog begun when nothing is active.</summary>
    public Dialog RootDialog { get; }

    /// <summary>Handles one turn. Saving the state is left to the caller.</summary>
    public async Task<DialogTurnResult> OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        var interruption = turnContext.Activity.IsType(ActivityTypes.Message)
            ? _recognizer.Recognize(turnContext.Activity.Text)
            : InterruptionKind.None;

        switch (interruption)
        {
            case InterruptionKind.Help:
                await turnContext.SendActivityAsync(_options.HelpMessage, cancellationToken);
                if (dc.ActiveDialog is null)
                {
                    return await dc.BeginDialogAsync(RootDialog.Id, null, cancellationToken);
                }

                await dc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;

            case InterruptionKind.Cancel:
                if (dc.ActiveDialog is null)
                {
                    await turnContext.SendActivityAsync(_options.NothingToCancelMessage, cancellationToken);
                    return new DialogTurnResult(DialogTurnStatus.Empty);
                }

                var cancelled = await dc.CancelAllDialogsAsync(cancellationToken);
                await turnContext.SendActivityAsync(_options.CancelMessage, cancellationToken);
                return cancelled;

            case InterruptionKind.StartOver:
                await dc.CancelAllDialogsAsync(cancellationToken);
                if (!string.IsNullOrEmpty(_options.StartOverMessage))
                {
                    await turnContext.SendActivityAsync(_options.StartOverMessage, cancellationToken);
                }

                return await dc.BeginDialogAsync(RootDialog.Id, null, cancellationToken);

            default:
                return await DialogRunner.ContinueOrBeginAsync(dc, RootDialog.Id, cancellationToken);
        }
    }
}

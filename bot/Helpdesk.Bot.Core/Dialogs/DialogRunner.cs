using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>Runs a root dialog for a turn: the usual bot entry point into dialogs.</summary>
public static class DialogRunner
{
    /// <summary>
    /// Loads the stack from <paramref name="accessor"/>, continues the active dialog, or begins
    /// <paramref name="dialog"/> when none is active. Saving the state is left to the caller
    /// (<see cref="AutoSaveStateMiddleware"/> or <see cref="BotState.SaveChangesAsync"/>).
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        var dialogs = new DialogSet(accessor).Add(dialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        return await ContinueOrBeginAsync(dc, dialog.Id, cancellationToken);
    }

    /// <summary>Continues the active dialog of <paramref name="dc"/>, or begins <paramref name="dialogId"/> when none is.</summary>
    public static async Task<DialogTurnResult> ContinueOrBeginAsync(DialogContext dc, string dialogId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialogId, null, cancellationToken)
            : result;
    }
}

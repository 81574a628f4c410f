using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// The dialog stack of one <see cref="DialogSet"/> in one turn: starts, continues, ends and cancels dialogs.
/// Dialog ids are looked up in this set first, then in the parent contexts (a component dialog's inner context has
/// the outer one as parent).
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        State = state ?? throw new ArgumentNullException(nameof(state));
        Parent = parent;
    }

    /// <summary>A context over the same set, turn and stack as <paramref name="other"/> (used by step contexts).</summary>
    protected DialogContext(DialogContext other)
        : this((other ?? throw new ArgumentNullException(nameof(other))).Dialogs, other.Context, other.State, other.Parent)
    {
    }

    /// <summary>The dialogs this context can start.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The enclosing context (of the component dialog that owns this stack), if any.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, active dialog first.</summary>
    public IList<DialogInstance> Stack => State.DialogStack;

    /// <summary>The dialog on top of the stack, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    internal DialogState State { get; }

    /// <summary>Pushes the dialog <paramref name="dialogId"/> and starts it with <paramref name="options"/>.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"BeginDialogAsync: no dialog with the id '{dialogId}' is in this DialogSet or its parents.");
        Stack.Insert(0, new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts the prompt <paramref name="dialogId"/> with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when none is active.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await GetDialog(instance).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog with <paramref name="result"/> and resumes the dialog under it with that result;
    /// when the stack becomes empty the turn result is <see cref="DialogTurnStatus.Complete"/> with it.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await GetDialog(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends every dialog on this stack (innermost first) with <see cref="DialogReason.CancelCalled"/>.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts <paramref name="dialogId"/> in its place (loops without deepening the stack).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance is not null)
        {
            await GetDialog(instance).RepromptDialogAsync(Context, instance, cancellationToken);
        }
    }

    /// <summary>The dialog <paramref name="dialogId"/> from this set or a parent's, or null.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog GetDialog(DialogInstance instance) =>
        FindDialog(instance.Id)
        ?? throw new InvalidOperationException(
            $"The dialog stack holds '{instance.Id}', which is not in this DialogSet (was it renamed or removed since the conversation started?).");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        var dialog = FindDialog(instance.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        Stack.RemoveAt(0);
    }
}

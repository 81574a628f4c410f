using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// A dialog made of other dialogs (a waterfall and its prompts), reusable as one unit. It runs its own inner stack,
/// saved inside its instance state on the parent stack, so the parent sees a single dialog. It starts
/// <see cref="InitialDialogId"/> (the first dialog added unless set) and ends when the inner stack ends, with its result.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog started when this component begins.</summary>
    public string? InitialDialogId { get; protected set; }

    /// <summary>The inner dialogs.</summary>
    protected DialogSet Dialogs { get; } = new();

    /// <summary>Adds an inner dialog (the first one added becomes the initial dialog unless one is set).</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>The inner dialog <paramref name="dialogId"/>, or null.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"The component '{Id}' is not on the stack.");
        var innerState = new DialogState();
        instance.State[InnerStackKey] = innerState;
        var innerDc = new DialogContext(Dialogs, dc.Context, innerState, dc);
        var result = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await EndIfInnerEndedAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"The component '{Id}' is not on the stack.");
        var innerDc = CreateInnerContext(dc.Context, instance, dc);
        var result = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await EndIfInnerEndedAsync(dc, result, cancellationToken);
    }

    /// <summary>
    /// A dialog this component started on the parent stack ended (only when an inner dialog began a parent's
    /// dialog): ask the inner active dialog again and keep waiting.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException($"The component '{Id}' is not on the stack.");
        await RepromptDialogAsync(dc.Context, instance, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return CreateInnerContext(turnContext, instance, null).RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            await CreateInnerContext(turnContext, instance, null).CancelAllDialogsAsync(cancellationToken);
        }
    }

    /// <summary>Starts the initial dialog. Override to start a different one depending on <paramref name="options"/>.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"The component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner stack. Override to look at the message first (component-level interruptions).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Ends this component with the inner result. Override to transform the result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private async Task<DialogTurnResult> EndIfInnerEndedAsync(DialogContext dc, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(dc, inner.Result, cancellationToken);

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? parent)
    {
        var innerState = instance.State.GetValue<DialogState>(InnerStackKey) ?? new DialogState();
        instance.State[InnerStackKey] = innerState;
        return new DialogContext(Dialogs, turnContext, innerState, parent);
    }
}

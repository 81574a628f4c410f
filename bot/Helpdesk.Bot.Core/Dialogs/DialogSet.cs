using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// The dialogs that can run together, by id. A root set is created with the state accessor that persists its stack;
/// a component dialog's inner set has none (its stack lives in the component's own state).
/// </summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    /// <summary>The registered dialogs.</summary>
    public IReadOnlyCollection<Dialog> Dialogs => _dialogs.Values;

    /// <summary>Registers <paramref name="dialog"/>; ids must be unique within the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            if (ReferenceEquals(_dialogs[dialog.Id], dialog))
            {
                return this;
            }

            throw new InvalidOperationException($"A different dialog with the id '{dialog.Id}' is already in this DialogSet.");
        }

        return this;
    }

    /// <summary>The dialog registered under <paramref name="dialogId"/>, or null.</summary>
    public Dialog? Find(string dialogId)
    {
        ArgumentNullException.ThrowIfNull(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }

    /// <summary>Loads the persisted stack for this turn and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a DialogState accessor, so it has no stack to load.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken) ?? new DialogState();
        return new DialogContext(this, turnContext, state);
    }
}

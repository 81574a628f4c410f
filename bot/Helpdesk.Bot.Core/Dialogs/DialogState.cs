namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>The dialog stack saved in conversation state; the active dialog is first.</summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    public DialogState(IEnumerable<DialogInstance> stack) => DialogStack = [.. stack];

    /// <summary>Running dialogs, innermost (active) first.</summary>
    public IList<DialogInstance> DialogStack { get; set; } = [];
}

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>The dialog was just started.</summary>
    BeginCalled,

    /// <summary>The dialog is continued with the user's message.</summary>
    ContinueCalled,

    /// <summary>The dialog (or the child it waited for) ended normally.</summary>
    EndCalled,

    /// <summary>The dialog is being replaced by another.</summary>
    ReplaceCalled,

    /// <summary>The dialog stack is being cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step called <see cref="WaterfallStepContext.NextAsync"/>.</summary>
    NextCalled,
}

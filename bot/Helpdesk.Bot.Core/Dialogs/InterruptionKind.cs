namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>A global command the user can give in the middle of any dialog.</summary>
public enum InterruptionKind
{
    /// <summary>Not a command: the message goes to the active dialog.</summary>
    None,

    /// <summary>Show help, then ask the current question again.</summary>
    Help,

    /// <summary>Cancel everything in progress.</summary>
    Cancel,

    /// <summary>Cancel everything and start the main dialog again.</summary>
    StartOver,
}

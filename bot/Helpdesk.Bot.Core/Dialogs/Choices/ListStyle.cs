namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Quick-reply buttons (suggested actions) under the message: the default.</summary>
    SuggestedAction,

    /// <summary>Appended to the text on one line: "(1) Yes, (2) No, or (3) Maybe".</summary>
    Inline,

    /// <summary>A numbered list under the text, one choice per line.</summary>
    List,

    /// <summary>Not shown (the prompt text names them).</summary>
    None,
}

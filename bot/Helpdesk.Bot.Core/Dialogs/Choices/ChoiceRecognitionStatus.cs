namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>Outcome of matching an utterance against a list of choices.</summary>
public enum ChoiceRecognitionStatus
{
    /// <summary>Nothing matched well enough.</summary>
    NoMatch,

    /// <summary>Exactly one choice matched clearly better than the others.</summary>
    Matched,

    /// <summary>Several choices matched about equally well; the recognizer does not guess.</summary>
    Ambiguous,
}

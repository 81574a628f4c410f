namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>How an utterance picked a choice.</summary>
public enum ChoiceMatchKind
{
    /// <summary>The whole utterance equals the choice's value, a synonym or its button title (ignoring case and punctuation).</summary>
    Exact,

    /// <summary>The utterance is the choice's position: "2", "#2", "option 2", "second", "last".</summary>
    Position,

    /// <summary>Words of the utterance resemble words of the choice (partial words, typos).</summary>
    Fuzzy,
}

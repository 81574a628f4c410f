namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>What <see cref="ChoiceRecognizer"/> found in an utterance.</summary>
/// <param name="Status">Matched, ambiguous or no match.</param>
/// <param name="Choice">The choice picked when <see cref="Status"/> is <see cref="ChoiceRecognitionStatus.Matched"/>.</param>
/// <param name="Candidates">The tied choices when ambiguous (best first); otherwise the picked choice or nothing.</param>
public sealed record ChoiceRecognition(ChoiceRecognitionStatus Status, FoundChoice? Choice, IReadOnlyList<FoundChoice> Candidates)
{
    /// <summary>Nothing matched.</summary>
    public static ChoiceRecognition NoMatch { get; } = new(ChoiceRecognitionStatus.NoMatch, null, []);

    /// <summary>One choice matched.</summary>
    public static ChoiceRecognition Matched(FoundChoice choice) => new(ChoiceRecognitionStatus.Matched, choice, [choice]);

    /// <summary>Several choices matched about equally well.</summary>
    public static ChoiceRecognition Ambiguous(IReadOnlyList<FoundChoice> candidates) => new(ChoiceRecognitionStatus.Ambiguous, null, candidates);

    /// <summary>True when one choice was picked.</summary>
    public bool Succeeded => Status == ChoiceRecognitionStatus.Matched;
}

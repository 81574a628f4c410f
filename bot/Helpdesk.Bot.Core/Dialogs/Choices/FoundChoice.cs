namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>A choice the user's utterance picked.</summary>
/// <param name="Value">The <see cref="Choice.Value"/> picked.</param>
/// <param name="Index">Its zero-based position in the list offered.</param>
/// <param name="Score">Confidence from 0 to 1 (1 for exact, number and synonym matches).</param>
/// <param name="MatchKind">How the utterance matched.</param>
public sealed record FoundChoice(string Value, int Index, double Score, ChoiceMatchKind MatchKind);

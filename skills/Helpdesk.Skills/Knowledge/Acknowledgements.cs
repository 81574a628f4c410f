using System.Collections.Frozen;
using Helpdesk.Bot.Core.Dialogs.Choices;

namespace Helpdesk.Skills.Knowledge;

/// <summary>Thanks and goodbyes: social replies, not questions to search for.</summary>
public static class Acknowledgements
{
    private static readonly FrozenSet<string> Phrases = FrozenSet.ToFrozenSet(
    [
        "thanks", "thank you", "thank you very much", "thanks a lot", "many thanks", "thx", "ty", "cheers", "ta", "thanks bye",
        "thank you bye", "bye", "goodbye", "good bye", "see you", "see ya", "cya", "ok thanks", "ok thank you", "great thanks",
        "perfect thanks", "cool thanks", "thats all", "that is all", "nothing else", "no thanks", "all good", "ok", "okay", "cool",
        "great", "perfect", "awesome", "nice", "got it",
    ], StringComparer.Ordinal);

    /// <summary>True when <paramref name="text"/> is only a thank-you, goodbye or acknowledgement.</summary>
    public static bool IsAcknowledgement(string? text) => Phrases.Contains(TextNormalizer.Normalize(text));
}

using System.Collections.Frozen;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// Reads "Did this solve it?" answers the way people type them: the buttons, the usual words and short phrases
/// ("yep", "it worked", "nope", "still broken"), with typos ("yse", "yeh", "noo", "nop"). A yes that goes on with a
/// "but"/"not"/"still" ("yes but it still crashes") is not taken as a yes; anything unclear is null, never a guess.
/// </summary>
public static class YesNoAnswer
{
    private static readonly FrozenSet<string> YesPhrases = FrozenSet.ToFrozenSet(
    [
        .. ConfirmPrompt.DefaultYes.Synonyms ?? [], "yes", "it did", "yes it did", "yes it worked", "that worked", "it worked", "worked",
        "works", "works now", "it works", "it works now", "solved", "solved it", "it solved it", "problem solved", "fixed", "fixed it",
        "its fixed", "thats fixed", "that fixed it", "it helped", "that helped", "helped", "yes that helped", "thanks", "thank you",
        "thx", "ty", "perfect", "great", "awesome", "all good", "good", "brilliant", "excellent", "cool", "nice", "done",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> NoPhrases = FrozenSet.ToFrozenSet(
    [
        .. ConfirmPrompt.DefaultNo.Synonyms ?? [], "no", "it didnt", "no it didnt", "didnt", "didnt help", "did not help", "it didnt help",
        "not helpful", "no help", "didnt work", "it didnt work", "did not work", "doesnt work", "does not work", "still broken",
        "still not working", "still doesnt work", "still the same", "same problem", "not solved", "not fixed", "no luck", "nothing",
        "none", "none of them", "none of these", "neither", "not at all", "useless", "no good",
    ], StringComparer.Ordinal);

    // First words that mean yes / no on their own, typos included ("yse", "yeh", "noo", "nop").
    private static readonly FrozenSet<string> YesWords = FrozenSet.ToFrozenSet(
        ["y", "ye", "yes", "yse", "ys", "yess", "yesss", "yez", "yas", "yea", "yeah", "yeh", "yah", "ya", "yep", "yup", "yeap", "yeahh", "ok", "okay", "okey", "k", "sure", "absolutely", "definitely", "correct"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> NoWords = FrozenSet.ToFrozenSet(
        ["n", "no", "noo", "nooo", "nop", "nope", "nopes", "nah", "naw", "nay", "negative"],
        StringComparer.Ordinal);

    // Words after a yes that undo it ("yes but…", "ok not really").
    private static readonly FrozenSet<string> Reversals = FrozenSet.ToFrozenSet(
        ["but", "not", "didnt", "doesnt", "dont", "still", "wont", "cant", "isnt", "no", "except", "however"],
        StringComparer.Ordinal);

    /// <summary>True for yes, false for no, null when the text is not clearly either.</summary>
    public static bool? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (YesPhrases.Contains(normalized))
        {
            return true;
        }

        if (NoPhrases.Contains(normalized))
        {
            return false;
        }

        var tokens = TextNormalizer.Tokenize(normalized);
        var first = tokens[0];
        if (YesWords.Contains(first) || IsTypoOf(first, "yeah") || IsTypoOf(first, "okay"))
        {
            return tokens.Skip(1).Any(Reversals.Contains) ? null : true;
        }

        if (NoWords.Contains(first))
        {
            // "no problem", "no worries" are politeness, not an answer.
            return tokens.Length > 1 && tokens[1] is "problem" or "worries" or "prob" ? null : false;
        }

        return tokens.Length <= 6 && (normalized.StartsWith("still ", StringComparison.Ordinal) || normalized.Contains("didnt help", StringComparison.Ordinal)
            || normalized.Contains("didnt work", StringComparison.Ordinal) || normalized.Contains("not working", StringComparison.Ordinal))
            ? false
            : null;
    }

    private static bool IsTypoOf(string word, string expected) =>
        word.Length >= 3 && word[0] == expected[0] && EditDistance.AtMost(word, expected, 1);
}

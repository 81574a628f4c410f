using System.Collections.Frozen;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Finds the flow a free-text message is about from each flow's trigger phrases. A trigger matches when all its words
/// are in the message (a long one may miss one word) — in any order, with typos ("pritner"), other word endings
/// ("disconnecting" for "disconnects") and split or joined compounds ("wi fi" / "wifi"). The flow whose matching
/// trigger covers the most words wins; flows about equally good are all returned so the bot can ask which.
/// </summary>
public sealed class FlowDetector
{
    /// <summary>How close two flows' scores must be to count as a tie.</summary>
    public const double TieMargin = 0.25;

    private const double WordThreshold = 0.75;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "i", "im", "ive", "me", "my", "mine", "to", "for", "of", "is", "it", "its", "please", "pls", "can",
        "could", "you", "with", "on", "in", "and", "so", "just", "this", "that", "do", "does", "am", "are", "be", "been",
        "has", "have", "had", "hi", "hello", "hey", "help", "need", "want", "some", "again", "really", "very", "all", "at",
        "from", "we", "our", "us", "any", "there", "here", "now", "today", "still", "also", "keep", "keeps", "kept", "getting",
        "get", "gets", "got", "says", "say", "said", "how", "what", "why", "when", "or", "but", "if", "like", "thanks", "thank",
    ], StringComparer.Ordinal);

    private readonly IReadOnlyList<(Flow Flow, string[][] Triggers, string Label)> _flows;

    public FlowDetector(IEnumerable<Flow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        _flows = [.. flows.Select(f => (f, f.Triggers.Select(Words).Where(w => w.Length > 0).ToArray(), TextNormalizer.Normalize(f.Label)))];
    }

    /// <summary>The best flows for <paramref name="text"/>: none, one (confident), or several about equally good.</summary>
    public IReadOnlyList<Flow> Detect(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var said = Words(text ?? string.Empty);
        var candidates = SaidWords(said);
        var scored = new List<(Flow Flow, double Score)>();
        foreach (var (flow, triggers, label) in _flows)
        {
            var best = string.Equals(normalized, label, StringComparison.Ordinal) ? 100.0 : 0.0;
            foreach (var trigger in triggers)
            {
                best = Math.Max(best, Score(trigger, candidates));
            }

            if (best > 0)
            {
                scored.Add((flow, best));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var top = scored.Max(s => s.Score);
        return [.. scored.Where(s => top - s.Score <= TieMargin).OrderByDescending(s => s.Score).Select(s => s.Flow)];
    }

    /// <summary>0 when the trigger doesn't match; otherwise the summed similarity of its words (more words = more specific).</summary>
    private static double Score(string[] trigger, IReadOnlyList<string> said)
    {
        var total = 0.0;
        var missed = 0;
        foreach (var word in trigger)
        {
            var best = 0.0;
            for (var i = 0; i < said.Count; i++)
            {
                best = Math.Max(best, Similarity(said[i], word));
            }

            if (best < WordThreshold)
            {
                missed++;
                continue;
            }

            total += best;
        }

        var allowedMisses = trigger.Length >= 4 ? 1 : 0;
        return missed > allowedMisses ? 0.0 : total;
    }

    /// <summary>1 for the same word, less for a typo or another ending of it, 0 otherwise.</summary>
    internal static double Similarity(string said, string expected)
    {
        if (string.Equals(said, expected, StringComparison.Ordinal))
        {
            return 1.0;
        }

        if (TextNormalizer.ContainsDigit(said) || TextNormalizer.ContainsDigit(expected))
        {
            return 0.0;
        }

        var shorter = Math.Min(said.Length, expected.Length);
        var longer = Math.Max(said.Length, expected.Length);
        var common = 0;
        while (common < shorter && said[common] == expected[common])
        {
            common++;
        }

        // Another ending of the same word: print/printer/printing, drop/drops/dropping, sync/syncing.
        if (shorter >= 4 && common >= Math.Max(4, (int)Math.Ceiling(shorter * 0.75)))
        {
            return 0.9;
        }

        var allowed = longer switch
        {
            < 4 => 0,
            <= 5 => 1,
            _ => 2,
        };
        if (allowed == 0)
        {
            // Three-letter names typed with two letters swapped: "vnp", "mfa" as "maf".
            return longer == 3 && SameLetters(said, expected) ? WordThreshold : 0.0;
        }

        if (longer - shorter > allowed)
        {
            return 0.0;
        }

        var distance = EditDistance.Between(said, expected);
        if (distance > allowed && !SameLetters(said, expected))
        {
            return 0.0;
        }

        return Math.Max(WordThreshold, 1.0 - ((double)Math.Min(distance, 2) / longer));
    }

    /// <summary>The message's words plus each pair of neighbours joined ("wi fi" → "wifi", "one drive" → "onedrive").</summary>
    private static List<string> SaidWords(string[] said)
    {
        var words = new List<string>(said);
        for (var i = 0; i + 1 < said.Length; i++)
        {
            words.Add(said[i] + said[i + 1]);
        }

        return words;
    }

    private static string[] Words(string text)
    {
        var tokens = TextNormalizer.Tokenize(TextNormalizer.Normalize(text));
        var kept = tokens.Where(t => !StopWords.Contains(t)).ToArray();
        return kept.Length == 0 ? tokens : kept;
    }

    // A swap of two letters ("pritner") is one typo to people; treat same-letters-same-length as close.
    private static bool SameLetters(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        Span<char> sortedA = a.Length <= 64 ? stackalloc char[a.Length] : new char[a.Length];
        Span<char> sortedB = b.Length <= 64 ? stackalloc char[b.Length] : new char[b.Length];
        a.AsSpan().CopyTo(sortedA);
        b.AsSpan().CopyTo(sortedB);
        sortedA.Sort();
        sortedB.Sort();
        return sortedA.SequenceEqual(sortedB) && EditDistance.Between(a, b) <= 3;
    }
}

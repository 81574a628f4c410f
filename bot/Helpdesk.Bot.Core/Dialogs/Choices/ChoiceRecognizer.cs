using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>
/// Finds which of a list of choices an utterance picks, in this order:
/// <list type="number">
/// <item>exact: the whole utterance equals a choice's value, synonym or button title (case and punctuation ignored);</item>
/// <item>position: "2", "#2", "option 2", "the second one", "last";</item>
/// <item>fuzzy: word overlap between the utterance and each choice text, where a word also matches a typo of itself
/// (edit distance 1 for words up to 5 letters, 2 for longer ones) or its start ("pass" → "password"). The score is the
/// F-measure of "how much of the choice was said" and "how much of what was said is the choice", filler words ignored.</item>
/// </list>
/// Several choices scoring about the same are reported as ambiguous, never guessed.
/// </summary>
public sealed class ChoiceRecognizer
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "i", "im", "me", "my", "to", "for", "of", "is", "it", "its", "please", "pls", "want", "need",
        "would", "like", "can", "could", "you", "with", "on", "in", "and", "so", "just", "some", "this", "that", "do",
        "have", "has", "am", "are", "be", "about",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PositionFillers = FrozenSet.ToFrozenSet(
        ["option", "number", "choice", "item", "no", "nr", "num", "the", "one", "pick", "choose", "i", "take"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> OrdinalWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string LastWord = "last";

    /// <summary>
    /// Each choice's normalized texts and their words, made once per choice instance: prompts offer the same static
    /// choices (Yes/No, intents) on every turn, and normalizing them was most of a recognition's cost. Choices are
    /// immutable records, so a cached entry cannot go stale; entries go with their choice.
    /// </summary>
    private static readonly ConditionalWeakTable<Choice, PreparedChoice> Prepared = [];

    public ChoiceRecognizer(ChoiceRecognizerOptions? options = null)
    {
        Options = options ?? ChoiceRecognizerOptions.Default;
    }

    public ChoiceRecognizerOptions Options { get; }

    /// <summary>Matches <paramref name="utterance"/> against <paramref name="choices"/>.</summary>
    public ChoiceRecognition Recognize(string? utterance, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var normalized = TextNormalizer.Normalize(utterance);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return ChoiceRecognition.NoMatch;
        }

        var texts = new PreparedChoice[choices.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = Prepared.GetValue(choices[i], static choice => PreparedChoice.Create(choice));
        }

        var exact = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            if (texts[i].Texts.Contains(normalized))
            {
                exact.Add(new FoundChoice(choices[i].Value, i, 1.0, ChoiceMatchKind.Exact));
            }
        }

        if (exact.Count == 1)
        {
            return ChoiceRecognition.Matched(exact[0]);
        }

        if (exact.Count > 1)
        {
            return ChoiceRecognition.Ambiguous(exact);
        }

        var utteranceTokens = TextNormalizer.Tokenize(normalized);
        if (Options.RecognizePositions && TryGetPosition(utteranceTokens, choices.Count, out var position))
        {
            return ChoiceRecognition.Matched(new FoundChoice(choices[position].Value, position, 1.0, ChoiceMatchKind.Position));
        }

        return Options.AllowFuzzyMatches ? RecognizeFuzzy(utteranceTokens, choices, texts) : ChoiceRecognition.NoMatch;
    }

    /// <summary>Word similarity from 0 to 1: equal words 1, a typo or a word's start less, anything else 0.</summary>
    internal static double WordSimilarity(string said, string expected)
    {
        if (string.Equals(said, expected, StringComparison.Ordinal))
        {
            return 1.0;
        }

        // Numbers only match exactly: "10" is not a typo of "11".
        if (TextNormalizer.ContainsDigit(said) || TextNormalizer.ContainsDigit(expected))
        {
            return 0.0;
        }

        var shorter = said.Length <= expected.Length ? said : expected;
        var longer = ReferenceEquals(shorter, said) ? expected : said;
        if (shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return 0.6 + (0.4 * shorter.Length / longer.Length);
        }

        var allowed = longer.Length switch
        {
            <= 3 => 0,
            <= 5 => 1,
            _ => 2,
        };
        if (allowed == 0 || Math.Abs(said.Length - expected.Length) > allowed)
        {
            return 0.0;
        }

        var distance = Levenshtein.Distance(said, expected);
        return distance <= allowed ? 1.0 - ((double)distance / longer.Length) : 0.0;
    }

    private ChoiceRecognition RecognizeFuzzy(string[] utteranceTokens, IReadOnlyList<Choice> choices, PreparedChoice[] texts)
    {
        var said = WithoutStopWords(utteranceTokens);
        var scored = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            var best = 0.0;
            foreach (var words in texts[i].Words)
            {
                best = Math.Max(best, Score(said, words));
            }

            if (best >= Options.MinimumScore)
            {
                scored.Add(new FoundChoice(choices[i].Value, i, Math.Round(best, 4), ChoiceMatchKind.Fuzzy));
            }
        }

        if (scored.Count == 0)
        {
            return ChoiceRecognition.NoMatch;
        }

        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        var top = scored[0];
        var ties = scored.Where(c => top.Score - c.Score <= Options.AmbiguityMargin).ToList();
        return ties.Count == 1 ? ChoiceRecognition.Matched(top) : ChoiceRecognition.Ambiguous(ties);
    }

    private static double Score(string[] said, string[] expected)
    {
        if (said.Length == 0 || expected.Length == 0)
        {
            return 0.0;
        }

        // Each word pair once: bestForExpected[j] = how well the best said word matches expected word j, and the
        // best expected match of each said word sums into the precision.
        Span<double> bestForExpected = expected.Length <= 32 ? stackalloc double[expected.Length] : new double[expected.Length];
        bestForExpected.Clear();
        var precisionSum = 0.0;
        foreach (var s in said)
        {
            var bestForSaid = 0.0;
            for (var j = 0; j < expected.Length; j++)
            {
                var similarity = WordSimilarity(s, expected[j]);
                bestForSaid = Math.Max(bestForSaid, similarity);
                bestForExpected[j] = Math.Max(bestForExpected[j], similarity);
            }

            precisionSum += bestForSaid;
        }

        var recallSum = 0.0;
        foreach (var value in bestForExpected)
        {
            recallSum += value;
        }

        var recall = recallSum / expected.Length;
        var precision = precisionSum / said.Length;
        return recall + precision == 0 ? 0.0 : 2 * recall * precision / (recall + precision);
    }

    private static string[] WithoutStopWords(string[] tokens)
    {
        var stops = 0;
        foreach (var token in tokens)
        {
            stops += StopWords.Contains(token) ? 1 : 0;
        }

        if (stops == 0 || stops == tokens.Length)
        {
            return tokens;
        }

        var kept = new string[tokens.Length - stops];
        var k = 0;
        foreach (var token in tokens)
        {
            if (!StopWords.Contains(token))
            {
                kept[k++] = token;
            }
        }

        return kept;
    }

    private static bool TryGetPosition(string[] tokens, int count, out int index)
    {
        index = -1;
        var remaining = tokens.Where(t => !PositionFillers.Contains(t)).ToArray();
        if (remaining.Length != 1)
        {
            return false;
        }

        var token = remaining[0];
        int position;
        if (string.Equals(token, LastWord, StringComparison.Ordinal))
        {
            position = count;
        }
        else if (OrdinalWords.TryGetValue(token, out var ordinal))
        {
            position = ordinal;
        }
        else if (!TryParsePositionNumber(token, out position))
        {
            return false;
        }

        if (position < 1 || position > count)
        {
            return false;
        }

        index = position - 1;
        return true;
    }

    private static bool TryParsePositionNumber(string token, out int position)
    {
        // "2", or "2nd" / "3rd" / "1st" / "4th".
        var digits = token.Length > 2 && token[^2..] is "st" or "nd" or "rd" or "th" ? token[..^2] : token;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }

    private static HashSet<string> GetNormalizedTexts(Choice choice)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        Add(choice.Value);
        foreach (var synonym in choice.Synonyms ?? [])
        {
            Add(synonym);
        }

        if (choice.Action is { } action)
        {
            Add(action.Title);
            Add(action.Value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => null,
            });
        }

        return texts;

        void Add(string? text)
        {
            var normalized = TextNormalizer.Normalize(text);
            if (normalized.Length > 0)
            {
                texts.Add(normalized);
            }
        }
    }

    /// <summary>A choice's normalized texts (for exact matches) and each text's words without filler (for fuzzy ones).</summary>
    private sealed class PreparedChoice(HashSet<string> texts)
    {
        public HashSet<string> Texts { get; } = texts;

        public string[][] Words { get; } = [.. texts.Select(text => WithoutStopWords(TextNormalizer.Tokenize(text)))];

        public static PreparedChoice Create(Choice choice) => new(GetNormalizedTexts(choice));
    }
}

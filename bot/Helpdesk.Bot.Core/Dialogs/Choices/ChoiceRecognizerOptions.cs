namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>Tunes <see cref="ChoiceRecognizer"/>.</summary>
public sealed record ChoiceRecognizerOptions
{
    /// <summary>The defaults: positions, partial words and typos recognised; score at least 0.5; ties within 0.05.</summary>
    public static ChoiceRecognizerOptions Default { get; } = new();

    /// <summary>Exact matches (value, synonyms, button title) and positions only: for yes/no style questions.</summary>
    public static ChoiceRecognizerOptions ExactOnly { get; } = new() { AllowFuzzyMatches = false };

    /// <summary>Recognise "2", "#2", "option 2", "second", "last" as positions in the list.</summary>
    public bool RecognizePositions { get; init; } = true;

    /// <summary>Recognise partial words, extra words and typos ("pasword reset", "password", "reset my password").</summary>
    public bool AllowFuzzyMatches { get; init; } = true;

    /// <summary>The lowest fuzzy score (0–1, an F-measure of word overlap) accepted as a match.</summary>
    public double MinimumScore { get; init; } = 0.5;

    /// <summary>Fuzzy matches scoring within this distance of the best are a tie: the result is ambiguous.</summary>
    public double AmbiguityMargin { get; init; } = 0.05;
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.KnowledgeIndex.Cli.Commands;

/// <summary>The ranking parameters <c>kb tune</c> searches over (with candidate values) and <c>--set</c> can override.</summary>
internal static class TuningParameters
{
    /// <summary>Option taking <c>Name=value[,Name=value...]</c>.</summary>
    public const string SetOption = "--set";

    public static readonly (string Name, Func<SearchTuning, float, SearchTuning> Set, Func<SearchTuning, float> Get, float[] Values)[] All =
    [
        ("TitleBoost", (t, v) => t with { TitleBoost = v }, t => t.TitleBoost, [1f, 1.5f, 2f, 3f, 4f, 5f]),
        ("AliasesBoost", (t, v) => t with { AliasesBoost = v }, t => t.AliasesBoost, [0.5f, 1f, 2f, 2.5f, 3f, 4f]),
        ("TagsBoost", (t, v) => t with { TagsBoost = v }, t => t.TagsBoost, [0f, 0.3f, 0.6f, 0.8f, 1f, 1.5f]),
        ("SummaryBoost", (t, v) => t with { SummaryBoost = v }, t => t.SummaryBoost, [0.5f, 1f, 1.5f, 2f, 3f]),
        ("HeadingsBoost", (t, v) => t with { HeadingsBoost = v }, t => t.HeadingsBoost, [0f, 0.5f, 1f, 1.5f, 2f]),
        ("BodyBoost", (t, v) => t with { BodyBoost = v }, t => t.BodyBoost, [0f, 0.5f, 1f]),
        ("TieBreaker", (t, v) => t with { TieBreaker = v }, t => t.TieBreaker, [0f, 0.1f, 0.2f, 0.3f, 0.5f, 0.7f, 1f]),
        ("SynonymWeight", (t, v) => t with { SynonymWeight = v }, t => t.SynonymWeight, [0.3f, 0.5f, 0.7f, 0.9f, 1f]),
        ("RerankDepth", (t, v) => t with { RerankDepth = (int)v }, t => t.RerankDepth, [20f, 50f, 100f, 200f]),
        ("FeedbackDocs", (t, v) => t with { FeedbackDocs = (int)v }, t => t.FeedbackDocs, [0f, 3f, 5f, 10f]),
        ("FeedbackTerms", (t, v) => t with { FeedbackTerms = (int)v }, t => t.FeedbackTerms, [3f, 5f, 8f, 12f, 20f]),
        ("FeedbackWeight", (t, v) => t with { FeedbackWeight = v }, t => t.FeedbackWeight, [0.1f, 0.2f, 0.3f, 0.5f, 0.8f]),
        ("PhraseBoost", (t, v) => t with { PhraseBoost = v }, t => t.PhraseBoost, [0f, 0.5f, 1f, 2f, 3f]),
        ("PhraseSlop", (t, v) => t with { PhraseSlop = (int)v }, t => t.PhraseSlop, [0f, 1f, 2f, 4f, 8f]),
        ("BodyK1", (t, v) => t with { BodyK1 = v }, t => t.BodyK1, [0.6f, 0.9f, 1.2f, 1.5f, 2f]),
        ("BodyB", (t, v) => t with { BodyB = v }, t => t.BodyB, [0.3f, 0.5f, 0.65f, 0.75f, 0.85f, 1f]),
        ("ShortFieldK1", (t, v) => t with { ShortFieldK1 = v }, t => t.ShortFieldK1, [0.6f, 0.9f, 1.2f, 1.5f, 2f]),
        ("ShortFieldB", (t, v) => t with { ShortFieldB = v }, t => t.ShortFieldB, [0.2f, 0.4f, 0.6f, 0.75f, 0.9f, 1f]),
        ("CoordExponent", (t, v) => t with { CoordExponent = v }, t => t.CoordExponent, [0f, 0.5f, 1f, 1.5f, 2f, 3f]),
        ("FuzzyWeight", (t, v) => t with { FuzzyWeight = v }, t => t.FuzzyWeight, [0.3f, 0.5f, 0.8f, 1f]),
    ];

    /// <summary>Applies <c>Name=value</c> pairs to a tuning.</summary>
    /// <exception cref="UsageException">Unknown name or unreadable value.</exception>
    public static SearchTuning Apply(SearchTuning tuning, string? assignments)
    {
        if (string.IsNullOrWhiteSpace(assignments))
        {
            return tuning;
        }

        foreach (var assignment in assignments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
            var parameter = All.FirstOrDefault(p => string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase));
            if (parameter.Name is null || parts.Length != 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"{SetOption} expects Name=number pairs with names from: {string.Join(", ", All.Select(p => p.Name))}; got '{assignment}'");
            }

            tuning = parameter.Set(tuning, value);
        }

        return tuning;
    }
}

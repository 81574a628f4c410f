namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Ranking parameters. <see cref="Default"/> holds the values chosen by <c>kb tune</c> (coordinate ascent on the
/// tuning half of the labeled query sets only; see knowledge-index/README.md). Everything here is applied at
/// search time, so no reindex is needed to change it.
/// </summary>
public sealed record SearchTuning
{
    /// <summary>The tuned defaults.</summary>
    public static SearchTuning Default { get; } = new();

    /// <summary>Boost of the title field.</summary>
    public float TitleBoost { get; init; } = 2.0f;

    /// <summary>Boost of aliases/keywords.</summary>
    public float AliasesBoost { get; init; } = 3.0f;

    /// <summary>Boost of tags and category.</summary>
    public float TagsBoost { get; init; } = 0.3f;

    /// <summary>Boost of the summary.</summary>
    public float SummaryBoost { get; init; } = 0.5f;

    /// <summary>Boost of section headings.</summary>
    public float HeadingsBoost { get; init; } = 1.0f;

    /// <summary>Boost of the body.</summary>
    public float BodyBoost { get; init; } = 1.0f;

    /// <summary>Share of the non-best fields added to a term's best field score (0 = max only, 1 = sum).</summary>
    public float TieBreaker { get; init; } = 0.2f;

    /// <summary>Weight of a synonym-injected term relative to the word the user typed.</summary>
    public float SynonymWeight { get; init; } = 0.3f;

    /// <summary>Boost of adjacent query word pairs found near each other in title or body.</summary>
    public float PhraseBoost { get; init; } = 1.0f;

    /// <summary>How many positions apart the pair's words may be for the phrase boost.</summary>
    public int PhraseSlop { get; init; } = 1;

    /// <summary>BM25 k1 (term frequency saturation) for the body.</summary>
    public float BodyK1 { get; init; } = 0.6f;

    /// <summary>BM25 b (length normalisation) for the body.</summary>
    public float BodyB { get; init; } = 0.5f;

    /// <summary>BM25 k1 for short fields (title, aliases, tags, summary, headings).</summary>
    public float ShortFieldK1 { get; init; } = 0.6f;

    /// <summary>BM25 b for short fields.</summary>
    public float ShortFieldB { get; init; } = 0.75f;

    /// <summary>Reward for matching more of the query's words: score × (matched / total)^exponent. 0 disables.</summary>
    public float CoordExponent { get; init; } = 0.5f;

    /// <summary>Words shorter than this are never fuzzed.</summary>
    public int FuzzyMinLength { get; init; } = 4;

    /// <summary>Words longer than this are never fuzzed (identifiers and error names, where a typo is unlikely and
    /// the edit automaton is costly).</summary>
    public int FuzzyMaxLength { get; init; } = 20;

    /// <summary>Words at least this long may be two edits away; shorter ones one edit.</summary>
    public int FuzzyTwoEditsMinLength { get; init; } = 8;

    /// <summary>Weight of fuzzy (typo-tolerant) matches relative to exact ones.</summary>
    public float FuzzyWeight { get; init; } = 1.0f;

    /// <summary>Words whose exact form occurs in fewer articles than this get fuzzy variants.</summary>
    public int FuzzyMaxDocFreq { get; init; } = 1;

    /// <summary>When the exact query matches fewer articles than this, every word gets fuzzy variants.</summary>
    public int FuzzyFallbackMinHits { get; init; } = 3;

    /// <summary>Most fuzzy variants tried per word and field.</summary>
    public int FuzzyMaxExpansions { get; init; } = 16;

    /// <summary>How many first-stage candidates get phrase and feedback scores (and can be reordered by them).</summary>
    public int RerankDepth { get; init; } = 100;

    /// <summary>Pseudo-relevance feedback: how many top hits lend terms (from their title and summary); 0 disables.</summary>
    public int FeedbackDocs { get; init; } = 10;

    /// <summary>Pseudo-relevance feedback: how many expansion terms are added.</summary>
    public int FeedbackTerms { get; init; } = 5;

    /// <summary>Pseudo-relevance feedback: weight of the expansion terms relative to typed words.</summary>
    public float FeedbackWeight { get; init; } = 0.3f;

    /// <summary>Most query words used (long pasted text is cut).</summary>
    public int MaxQueryTerms { get; init; } = 32;
}

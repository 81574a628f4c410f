namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>What a snippet looks for: indexed term texts mapped to a query word index, their weights, and cheap text keys.</summary>
/// <param name="GroupOfTerm">Indexed term text → index of the query word it stands for.</param>
/// <param name="GroupWeights">Weight (IDF) of each query word.</param>
/// <param name="Keys">Lower-case substrings one of which a passage must contain to be analyzed at all.</param>
internal sealed record SnippetTerms(
    IReadOnlyDictionary<string, int> GroupOfTerm,
    IReadOnlyList<float> GroupWeights,
    IReadOnlyCollection<string> Keys);

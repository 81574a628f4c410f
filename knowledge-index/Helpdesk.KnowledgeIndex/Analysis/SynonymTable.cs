namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// The synonym rules as a lookup from a phrase's first word to the phrases starting with it (longest first) and the
/// canonical terms each one adds. Immutable once built; read by <see cref="PhraseSynonymFilter"/>.
/// </summary>
internal sealed class SynonymTable
{
    private readonly Dictionary<string, SynonymPhrase[]> _byFirstWord;
    private readonly Dictionary<string, SynonymPhrase[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SynonymTable(Dictionary<string, SynonymPhrase[]> byFirstWord)
    {
        _byFirstWord = byFirstWord;
        _lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct phrases.</summary>
    public int Count => _byFirstWord.Values.Sum(p => p.Length);

    /// <summary>Every phrase.</summary>
    public IEnumerable<SynonymPhrase> Phrases => _byFirstWord.Values.SelectMany(p => p);

    /// <summary>The phrases starting with <paramref name="word"/>, longest first; false when there are none.</summary>
    public bool TryGetPhrases(ReadOnlySpan<char> word, out SynonymPhrase[] phrases) => _lookup.TryGetValue(word, out phrases!);

    /// <summary>Collects phrase → canonical pairs (duplicates are merged).</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, (string[] Words, List<string> Canonicals)> _phrases = new(StringComparer.Ordinal);

        /// <summary>Adds a phrase (analyzed words) that stands for <paramref name="canonical"/>.</summary>
        public void Add(IReadOnlyList<string> words, string canonical)
        {
            var key = string.Join('\0', words);
            if (!_phrases.TryGetValue(key, out var entry))
            {
                entry = ([.. words], []);
                _phrases[key] = entry;
            }

            if (!entry.Canonicals.Contains(canonical))
            {
                entry.Canonicals.Add(canonical);
            }
        }

        /// <summary>Builds the immutable table.</summary>
        public SynonymTable Build() =>
            new(_phrases.Values
                .GroupBy(p => p.Words[0], StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.OrderByDescending(p => p.Words.Length).Select(p => new SynonymPhrase(p.Words, [.. p.Canonicals])).ToArray(),
                    StringComparer.Ordinal));
    }
}

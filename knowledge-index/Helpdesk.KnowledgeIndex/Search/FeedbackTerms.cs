using System.Runtime.CompilerServices;
using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// The words pseudo-relevance feedback takes from a document: its title and summary analyzed as the title field,
/// words longer than two characters, each once, in order of first occurrence. They depend only on the document, so
/// they are kept per index snapshot (keyed on its reader: a reindex or refresh opens a new reader, whose cache
/// starts empty, and the old one goes with its reader) for up to <see cref="MaxCachedDocuments"/> documents per
/// snapshot; past that, documents are analyzed on every query as before. Thread-safe.
/// </summary>
internal sealed class FeedbackTerms(Analyzer analyzer)
{
    /// <summary>Most documents whose words are kept per snapshot (bounds the memory on very large indexes).</summary>
    public const int MaxCachedDocuments = 20_000;

    private readonly ConditionalWeakTable<IndexReader, Snapshot> _snapshots = [];

    /// <summary>The document's feedback words.</summary>
    public string[] For(IndexReader reader, HitValues values, int doc)
    {
        var snapshot = _snapshots.GetValue(reader, r => new Snapshot(r.MaxDoc));
        if (snapshot.Documents[doc] is { } cached)
        {
            return cached;
        }

        lock (snapshot)
        {
            if (snapshot.Documents[doc] is { } raced)
            {
                return raced;
            }

            var words = Analyze(values.TitleAndSummary(doc), snapshot.Strings);
            if (snapshot.Count < MaxCachedDocuments)
            {
                snapshot.Documents[doc] = words;
                snapshot.Count++;
            }

            return words;
        }
    }

    private string[] Analyze(string text, Dictionary<string, string> strings)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(IndexFields.Title, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (term.Length > 2)
            {
                var word = term.ToString();
                if (!strings.TryGetValue(word, out var shared))
                {
                    shared = word;
                    strings[word] = word;
                }

                if (!words.Contains(shared))
                {
                    words.Add(shared);
                }
            }
        }

        stream.End();
        return [.. words];
    }

    private sealed class Snapshot(int maxDoc)
    {
        public string[]?[] Documents { get; } = new string[]?[maxDoc];

        /// <summary>Word strings shared between the snapshot's documents (written under the snapshot's lock).</summary>
        public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

        public int Count { get; set; }
    }
}

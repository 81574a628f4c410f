using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Term dictionary lookups for one query against one index snapshot: each field's terms enumerator is created once
/// per segment and reused for every seek, and each (field, text) is looked up once, so the document frequencies
/// that decide fuzzy variants, snippet weights and feedback terms, and the term states the scorers need, cost one
/// seek each instead of a new enumerator per call (Lucene's <see cref="TermContext.Build"/> and
/// <see cref="IndexReader.DocFreq"/> allocate one every time). Not thread-safe; one instance per query.
/// </summary>
internal sealed class TermLookup(IndexReader reader)
{
    private readonly IndexReaderContext _top = reader.Context;
    private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;
    private readonly Dictionary<string, TermsEnum?[]> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string Text), TermContext?> _contexts = [];
    private readonly BytesRef _bytes = new();

    /// <summary>The reader looked up.</summary>
    public IndexReader Reader => reader;

    /// <summary>The term's per-segment states and statistics, or null when no document has it.</summary>
    public TermContext? Context(string field, string text)
    {
        if (_contexts.TryGetValue((field, text), out var cached))
        {
            return cached;
        }

        var enums = Enums(field);
        _bytes.CopyChars(text);
        TermContext? context = null;
        for (var i = 0; i < _leaves.Count; i++)
        {
            if (enums[i] is { } termsEnum && termsEnum.SeekExact(_bytes))
            {
                context ??= new TermContext(_top);
                context.Register(termsEnum.GetTermState(), _leaves[i].Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }

        _contexts[(field, text)] = context;
        return context;
    }

    /// <summary>Number of documents containing the term (as <see cref="IndexReader.DocFreq"/>).</summary>
    public int DocFreq(string field, string text) => Context(field, text)?.DocFreq ?? 0;

    /// <summary>
    /// A term query carrying its looked-up states (so building its weight does not seek again), or null when the
    /// term is in no document: such a query matches nothing and, under BM25 (query norm 1), leaving it out of a
    /// disjunction changes no score.
    /// </summary>
    public TermQuery? Query(string field, string text, float boost) =>
        Context(field, text) is { } context ? new TermQuery(new Term(field, text), context) { Boost = boost } : null;

    private TermsEnum?[] Enums(string field)
    {
        if (!_enums.TryGetValue(field, out var enums))
        {
            enums = new TermsEnum?[_leaves.Count];
            for (var i = 0; i < _leaves.Count; i++)
            {
                enums[i] = _leaves[i].AtomicReader.GetTerms(field)?.GetEnumerator();
            }

            _enums[field] = enums;
        }

        return enums;
    }
}

using System.Runtime.CompilerServices;
using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Unsupervised word associations learned from the index itself: how much more often a title word occurs in
/// articles whose body uses a query word than in articles overall (pointwise mutual information with a support
/// floor). Built once per index snapshot from the title postings.
/// </summary>
internal sealed class TermAssociations
{
    private static readonly ConditionalWeakTable<IndexReader, TermAssociations> Cache = new();

    private readonly string[] _titleTerms;
    private readonly int[] _titleDocFreq;
    private readonly int[][] _titleTermsOfDoc;
    private readonly int _maxDoc;

    private TermAssociations(IndexReader reader)
    {
        _maxDoc = reader.MaxDoc;
        var perDoc = new List<int>[_maxDoc];
        var terms = new List<string>();
        var docFreqs = new List<int>();
        if (MultiFields.GetTerms(reader, IndexFields.Title) is { } titleTerms)
        {
            var termsEnum = titleTerms.GetEnumerator();
            var live = MultiFields.GetLiveDocs(reader);
            while (termsEnum.MoveNext())
            {
                var id = terms.Count;
                terms.Add(termsEnum.Term.Utf8ToString());
                docFreqs.Add(termsEnum.DocFreq);
                var docs = termsEnum.Docs(live, null, DocsFlags.NONE);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    (perDoc[doc] ??= []).Add(id);
                }
            }
        }

        _titleTerms = [.. terms];
        _titleDocFreq = [.. docFreqs];
        _titleTermsOfDoc = perDoc.Select(l => l?.ToArray() ?? []).ToArray();
    }

    public static TermAssociations For(IndexReader reader) => Cache.GetValue(reader, r => new TermAssociations(r));

    /// <summary>Title words most associated with a body word: (word, PMI) best first.</summary>
    public IEnumerable<(string Term, double Pmi)> Associated(IndexReader reader, string bodyTerm, int minSupport, int maxDocFreq)
    {
        var counts = new Dictionary<int, int>();
        var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), IndexFields.Body, new BytesRef(bodyTerm), DocsFlags.NONE);
        if (docs is null)
        {
            return [];
        }

        var docFreq = 0;
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            docFreq++;
            foreach (var id in _titleTermsOfDoc[doc])
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        if (docFreq == 0 || docFreq > maxDocFreq)
        {
            return [];
        }

        return counts
            .Where(c => c.Value >= minSupport)
            .Select(c => (Term: _titleTerms[c.Key], Pmi: c.Value * Math.Log((double)c.Value * _maxDoc / ((double)docFreq * _titleDocFreq[c.Key]))))
            .Where(c => c.Pmi > 0)
            .OrderByDescending(c => c.Pmi)
            .ToArray();
    }
}

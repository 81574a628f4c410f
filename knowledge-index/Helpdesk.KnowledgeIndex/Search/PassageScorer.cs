using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Best-passage evidence for the first-stage candidates: the largest IDF-weighted share of the query's words that
/// occurs within one window of body positions (read from the postings of the query's own terms, so no text is
/// re-analyzed). An article whose words all occur in one paragraph beats one where they are scattered.
/// </summary>
internal static class PassageScorer
{
    /// <summary>Adds <c>weight × best window coverage (0..1)</c> to each candidate's score.</summary>
    public static void AddScores(IndexReader reader, IReadOnlyList<QueryGroup> groups, Dictionary<int, float> scores, SearchTuning tuning)
    {
        if (groups.Count < 2 || scores.Count == 0)
        {
            return;
        }

        var weights = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var docFreq = reader.DocFreq(new Term(IndexFields.Body, groups[g].Primary.Text));
            weights[g] = Math.Log(1 + ((reader.MaxDoc - docFreq + 0.5) / (docFreq + 0.5)));
        }

        var total = weights.Sum();
        var candidates = scores.Keys.Order().ToArray();
        var occurrences = new Dictionary<int, List<(int Position, int Group, float Weight)>>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(IndexFields.Body);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var term in groups[g].Terms)
                {
                    if (!termsEnum.SeekExact(new BytesRef(term.Text)))
                    {
                        continue;
                    }

                    var positions = termsEnum.DocsAndPositions(leaf.AtomicReader.LiveDocs, null);
                    if (positions is null)
                    {
                        continue;
                    }

                    var termWeight = term.IsSynonym ? tuning.SynonymWeight : 1f;
                    foreach (var doc in candidates)
                    {
                        var local = doc - leaf.DocBase;
                        if (local < 0 || local >= leaf.AtomicReader.MaxDoc)
                        {
                            continue;
                        }

                        var current = positions.DocID;
                        if (current < local)
                        {
                            current = positions.Advance(local);
                        }

                        if (current == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }

                        if (current != local)
                        {
                            continue;
                        }

                        if (!occurrences.TryGetValue(doc, out var list))
                        {
                            occurrences[doc] = list = [];
                        }

                        for (var i = 0; i < positions.Freq; i++)
                        {
                            list.Add((positions.NextPosition(), g, termWeight));
                        }
                    }
                }
            }
        }

        var best = new float[groups.Count];
        foreach (var (doc, list) in occurrences)
        {
            list.Sort((a, b) => a.Position.CompareTo(b.Position));
            var max = 0.0;
            var start = 0;
            for (var end = 0; end < list.Count; end++)
            {
                while (list[end].Position - list[start].Position >= tuning.PassageWindow)
                {
                    start++;
                }

                Array.Clear(best);
                for (var i = start; i <= end; i++)
                {
                    best[list[i].Group] = Math.Max(best[list[i].Group], list[i].Weight);
                }

                var covered = 0.0;
                for (var g = 0; g < best.Length; g++)
                {
                    covered += best[g] * weights[g];
                }

                max = Math.Max(max, covered);
            }

            scores[doc] += tuning.PassageWeight * (float)(max / total);
        }
    }
}

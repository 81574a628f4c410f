using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Typo expansion for one query against one index snapshot: a <see cref="FuzzyQuery"/> is rewritten into its
/// top-scoring index terms (the same term queries, boosts and blended frequencies Lucene's rewrite gives) once per
/// query, however often the query builder asks for it (the first stage and the all-fuzzy fallback both do), and the
/// Levenshtein automata of a word are compiled once per query and shared between the fields it is expanded in
/// (Lucene compiles them for every field's rewrite). Not thread-safe; one instance per query.
/// </summary>
internal sealed class FuzzyExpansion(IndexSearcher searcher)
{
    private readonly Dictionary<FuzzyQuery, Query> _rewritten = [];
    private readonly Dictionary<(string Text, int MaxEdits, int PrefixLength, bool Transpositions), IList<CompiledAutomaton>> _automata = [];

    /// <summary>How many times automata were compiled (for tests: once per distinct word and edit distance).</summary>
    public int AutomataCompiled { get; private set; }

    /// <summary>The rewritten form of <c>new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions) { Boost = boost }</c>.</summary>
    public Query Expand(Term term, int maxEdits, int prefixLength, int maxExpansions, bool transpositions, float boost)
    {
        var query = new SharedAutomataFuzzyQuery(this, term, maxEdits, prefixLength, maxExpansions, transpositions) { Boost = boost };
        if (!_rewritten.TryGetValue(query, out var rewritten))
        {
            rewritten = searcher.Rewrite(query);
            _rewritten[query] = rewritten;
        }

        return rewritten;
    }

    /// <summary>A fuzzy query whose terms enumerators start from this query's already compiled automata.</summary>
    private sealed class SharedAutomataFuzzyQuery(FuzzyExpansion owner, Term term, int maxEdits, int prefixLength, int maxExpansions, bool transpositions)
        : FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions)
    {
        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
        {
            // The enumerator compiles automata for edit distances 0..MaxEdits into this attribute unless it already
            // holds them; they depend only on the word (not on the field or segment), so they are shared.
            var key = (Term.Text, MaxEdits, PrefixLength, Transpositions);
            var automata = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            if (automata.Count == 0 && owner._automata.TryGetValue(key, out var compiled))
            {
                foreach (var automaton in compiled)
                {
                    automata.Add(automaton);
                }
            }

            var before = automata.Count;
            var termsEnum = base.GetTermsEnum(terms, atts);
            if (automata.Count > before && automata.Count > 0 && !owner._automata.ContainsKey(key))
            {
                owner._automata[key] = [.. automata];
                owner.AutomataCompiled++;
            }

            return termsEnum;
        }
    }
}

using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class FuzzyExpansionTests : IDisposable
{
    private const string Title = "title";
    private const string Body = "body";
    private const string Alphabet = "aabcdeeiorstté";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<string> _words = [];

    public FuzzyExpansionTests()
    {
        // A small alphabet makes many words one or two edits apart (with ties in similarity), and two commits give
        // two segments, so the per-segment merge of term statistics is exercised too.
        var random = new Random(7);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            for (var segment = 0; segment < 2; segment++)
            {
                for (var d = 0; d < 150; d++)
                {
                    var document = new Document();
                    for (var w = 0; w < 6; w++)
                    {
                        var word = RandomWord(random);
                        _words.Add(word);
                        document.Add(new StringField(w % 3 == 0 ? Title : Body, word, Field.Store.NO));
                    }

                    writer.AddDocument(document);
                }

                writer.Commit();
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 16)]
    [InlineData(2, 3)]
    [InlineData(1, 1)]
    public void Expand_WordsNearIndexTerms_SameTermsBoostsAndScoresAsFuzzyQueryRewrite(int maxEdits, int maxExpansions)
    {
        var random = new Random(11);
        var checkedWithTerms = 0;
        for (var i = 0; i < 150; i++)
        {
            var word = Misspell(_words[random.Next(_words.Count)], random);
            foreach (var field in new[] { Title, Body })
            {
                var term = new Term(field, word);
                var fuzzy = new FuzzyQuery(term, maxEdits, prefixLength: 1, maxExpansions, transpositions: true) { Boost = 1.5f };
                var expected = _searcher.Rewrite(fuzzy);

                var actual = new FuzzyExpansion(_searcher).Expand(term, maxEdits, 1, maxExpansions, transpositions: true, boost: 1.5f);

                Assert.Equal(expected.ToString(), actual.ToString());
                Assert.Equal(Scores(expected), Scores(actual));
                checkedWithTerms += expected is BooleanQuery { Clauses.Count: 0 } ? 0 : 1;
            }
        }

        Assert.True(checkedWithTerms > 100, $"only {checkedWithTerms} expansions found terms");
    }

    [Fact]
    public void Expand_SameWordFieldAndBoostTwice_ComputedOnceAndSameQuery()
    {
        var expansion = new FuzzyExpansion(_searcher);
        var term = new Term(Body, Misspell(_words[0], new Random(3)));

        var first = expansion.Expand(term, 2, 1, 16, transpositions: true, boost: 1f);
        var second = expansion.Expand(term, 2, 1, 16, transpositions: true, boost: 1f);
        expansion.Expand(term, 2, 1, 16, transpositions: true, boost: 2f);

        Assert.Same(first, second);
        Assert.Equal(2, expansion.Computed);
    }

    [Fact]
    public void Expand_PlainLevenshtein_FallsBackToLuceneRewrite()
    {
        var term = new Term(Title, Misspell(_words[5], new Random(5)));

        var actual = new FuzzyExpansion(_searcher).Expand(term, 2, 1, 16, transpositions: false, boost: 1f);

        Assert.Equal(_searcher.Rewrite(new FuzzyQuery(term, 2, 1, 16, transpositions: false)).ToString(), actual.ToString());
    }

    [Fact]
    public void TermLookup_KnownAndUnknownTerms_MatchReaderStatisticsAndScores()
    {
        var lookup = new TermLookup(_reader);
        foreach (var word in _words.Take(50).Append("zzzz"))
        {
            foreach (var field in new[] { Title, Body })
            {
                var term = new Term(field, word);
                Assert.Equal(_reader.DocFreq(term), lookup.DocFreq(field, word));
                var query = lookup.Query(field, word, 2f);
                if (_reader.DocFreq(term) == 0)
                {
                    Assert.Null(query);
                }
                else
                {
                    Assert.Equal(Scores(new TermQuery(term) { Boost = 2f }), Scores(query!));
                }
            }
        }
    }

    private static string RandomWord(Random random)
    {
        var length = random.Next(3, 10);
        return string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    /// <summary>Swaps, drops, inserts or replaces a letter after the first (the fuzzy prefix).</summary>
    private static string Misspell(string word, Random random)
    {
        if (word.Length < 3)
        {
            return word + Alphabet[random.Next(Alphabet.Length)];
        }

        var at = random.Next(1, word.Length - 1);
        var letter = Alphabet[random.Next(Alphabet.Length)];
        return random.Next(4) switch
        {
            0 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            1 => word.Remove(at, 1),
            2 => word.Insert(at, letter.ToString()),
            _ => string.Concat(word.AsSpan(0, at), letter.ToString(), word.AsSpan(at + 1)),
        };
    }

    private List<(int Doc, float Score)> Scores(Query query) =>
        [.. _searcher.Search(query, 1000).ScoreDocs.Select(h => (h.Doc, h.Score))];
}

using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Tests.Support;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Tests.Analysis;

/// <summary>The fast phrase filter must produce exactly the tokens Lucene's SynonymFilter produces for the same rules.</summary>
public sealed class PhraseSynonymFilterTests
{
    [Theory]
    [InlineData("outlook keeps asking for my password over and over")]
    [InlineData("Outlook won't open on startup and can't connect to the VPN")]
    [InlineData("not showing not receiving emails not sent, stuck in the outbox")]
    [InlineData("sign in sign out log in log in wi fi wi-fi wireless network")]
    [InlineData("my mailbox is full and i cant send emails; storage is full; out of office")]
    [InlineData("not")]
    [InlineData("can't")]
    [InlineData("")]
    public void Filter_Text_MatchesLuceneSynonymFilter(string text)
    {
        Assert.Equal(Tokens(text, lucene: true), Tokens(text, lucene: false));
    }

    [Fact]
    public void Filter_OwnArticles_MatchesLuceneSynonymFilter()
    {
        var files = Directory.GetFiles(RepoPaths.Current.OwnArticles, "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(Tokens(text, lucene: true), Tokens(text, lucene: false));
        }
    }

    [Fact]
    public void Filter_SharedCorpus_MatchesLuceneSynonymFilter()
    {
        var files = Directory.GetFiles(RepoPaths.Current.Corpus, "*.md", SearchOption.AllDirectories);
        Assert.True(files.Length > 1000, $"the shared corpus was not found at {RepoPaths.Current.Corpus}");
        var tokens = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var expected = Tokens(text, lucene: true);
            Assert.Equal(expected, Tokens(text, lucene: false));
            tokens += expected.Count;
        }

        Assert.True(tokens > 500_000, $"only {tokens} tokens compared");
    }

    [Fact]
    public void Filter_Phrase_AddsCanonicalAtFirstWordWithPhraseOffsets()
    {
        var tokens = Tokens("use a virtual private network", lucene: false);

        var canonical = Assert.Single(tokens, t => t.Term == "vpn");
        Assert.Equal((0, 6, 29, KnowledgeAnalyzer.SynonymTokenType), (canonical.Increment, canonical.Start, canonical.End, canonical.Type));
        Assert.Equal(["use", "a", "virtual", "vpn", "private", "network"], tokens.Select(t => t.Term));
    }

    private static List<(string Term, int Increment, int Start, int End, string Type)> Tokens(string text, bool lucene)
    {
        using var analyzer = new ChainAnalyzer(lucene);
        using var stream = analyzer.GetTokenStream("body", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int, string)>();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset, type.Type));
        }

        stream.End();
        return tokens;
    }

    private sealed class ChainAnalyzer(bool lucene) : Analyzer
    {
        private static readonly SynonymMap LuceneMap = BuildMap();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(KnowledgeAnalyzer.Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(KnowledgeAnalyzer.Version, source);
            stream = new LowerCaseFilter(KnowledgeAnalyzer.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = lucene
                ? new SynonymFilter(stream, LuceneMap, ignoreCase: true)
                : new PhraseSynonymFilter(stream, ItSynonyms.Default.Table);
            return new TokenStreamComponents(source, stream);
        }

        private static SynonymMap BuildMap()
        {
            var builder = new SynonymMap.Builder(dedup: true);
            foreach (var phrase in ItSynonyms.Default.Table.Phrases)
            {
                foreach (var canonical in phrase.Canonicals)
                {
                    builder.Add(new CharsRef(string.Join(SynonymMap.WORD_SEPARATOR, phrase.Words)), new CharsRef(canonical), includeOrig: true);
                }
            }

            return builder.Build();
        }
    }
}

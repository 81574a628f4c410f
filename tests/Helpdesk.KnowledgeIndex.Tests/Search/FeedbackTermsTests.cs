using Helpdesk.KnowledgeIndex.Analysis;
using Helpdesk.KnowledgeIndex.Indexing;
using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class FeedbackTermsTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly KnowledgeAnalyzer _analyzer = new();
    private readonly IndexWriter _writer;

    public FeedbackTermsTests()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer));
        Add("a", "Reset your password", "Reset a forgotten password or unlock a locked account.");
        Add("b", "VPN keeps disconnecting", "The VPN drops every few minutes on Wi-Fi.");
        _writer.Commit();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void For_Document_AnalyzedTitleAndSummaryWordsLongerThanTwoOnceInOrder()
    {
        using var reader = DirectoryReader.Open(_directory);
        var feedback = new FeedbackTerms(_analyzer);

        var words = feedback.For(reader, new HitValues(reader), 0);

        var expected = Analyze("Reset your password\nReset a forgotten password or unlock a locked account.")
            .Where(w => w.Length > 2)
            .Distinct()
            .ToArray();
        Assert.Equal(expected, words);
        Assert.Contains("password", words);
        Assert.DoesNotContain("a", words);
    }

    [Fact]
    public void For_SameSnapshotTwice_AnalyzesOnce()
    {
        using var reader = DirectoryReader.Open(_directory);
        var feedback = new FeedbackTerms(_analyzer);

        var first = feedback.For(reader, new HitValues(reader), 1);
        var second = feedback.For(reader, new HitValues(reader), 1);

        Assert.Same(first, second);
    }

    [Fact]
    public void For_NewSnapshotAfterTheDocumentChanged_SeesTheNewText()
    {
        var feedback = new FeedbackTerms(_analyzer);
        using var before = DirectoryReader.Open(_directory);
        var old = feedback.For(before, new HitValues(before), 1);
        _writer.DeleteAll();
        Add("a", "Reset your password", "Reset a forgotten password or unlock a locked account.");
        Add("b", "Printer offline", "The office printer shows as offline.");
        _writer.Commit();

        using var after = DirectoryReader.OpenIfChanged(before)!;
        var fresh = feedback.For(after, new HitValues(after), 1);

        Assert.Contains("vpn", old);
        Assert.DoesNotContain("vpn", fresh);
        Assert.Contains("printer", fresh);
    }

    private void Add(string id, string title, string summary)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, id, Field.Store.YES),
            new StoredField(IndexFields.Title, title),
            new StoredField(IndexFields.Summary, summary),
        };
        _writer.AddDocument(document);
    }

    private List<string> Analyze(string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream(IndexFields.Title, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}

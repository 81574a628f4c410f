using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// The naive baseline the tuned index is measured against: StandardAnalyzer, Lucene's default BM25, title and
/// body, the user text escaped and handed to the classic query parser over both fields with OR. In memory.
/// The body is either the article's Markdown as written (the naive reading) or the plain text the tuned index
/// extracts from it (isolating the ranking changes from the text extraction).
/// </summary>
public sealed class BaselineIndex : IDisposable
{
    private const string Title = "title";
    private const string Body = "body";

    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(Analysis.KnowledgeAnalyzer.Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    /// <summary>Indexes the articles.</summary>
    /// <param name="articles">Articles.</param>
    /// <param name="plainTextBody">Index the extracted plain text instead of the raw Markdown body.</param>
    public BaselineIndex(IEnumerable<KnowledgeArticle> articles, bool plainTextBody = false)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Analysis.KnowledgeAnalyzer.Version, _analyzer)))
        {
            foreach (var article in articles)
            {
                var body = plainTextBody
                    ? string.Join('\n', MarkdownText.Extract(article.Markdown).Blocks.Select(b => b.Text))
                    : article.Markdown;
                writer.AddDocument(new Document
                {
                    new StringField(IndexFields.Path, article.Path, Field.Store.YES),
                    new TextField(Title, article.Title, Field.Store.NO),
                    new TextField(Body, body, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    /// <summary>Paths of the top hits for a query.</summary>
    public IReadOnlyList<string> Rank(string text, int top)
    {
        var parser = new MultiFieldQueryParser(Analysis.KnowledgeAnalyzer.Version, [Title, Body], _analyzer);
        Query query;
        try
        {
            query = parser.Parse(QueryParserBase.Escape(text.ToLowerInvariant()));
        }
        catch (ParseException)
        {
            return [];
        }

        return _searcher.Search(query, top).ScoreDocs.Select(hit => _searcher.Doc(hit.Doc).Get(IndexFields.Path)).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}

using System.Globalization;
using Helpdesk.KnowledgeIndex.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>Maps an article to a Lucene document and back.</summary>
internal static class ArticleDocumentMapper
{
    /// <summary>Builds the document for an article.</summary>
    public static Document ToDocument(KnowledgeArticle article)
    {
        var text = MarkdownText.Extract(article.Markdown);
        var document = new Document
        {
            new StringField(IndexFields.Id, article.Id, Field.Store.YES),
            new StringField(IndexFields.Path, article.Path, Field.Store.YES),
            new StringField(IndexFields.Format, article.Format.ToString(), Field.Store.YES),
            new TextField(IndexFields.Title, article.Title, Field.Store.YES),
            new TextField(IndexFields.Summary, article.Summary, Field.Store.YES),
            new TextField(IndexFields.Body, string.Join('\n', text.Blocks.Select(b => b.Text)), Field.Store.NO),
            new StoredField(IndexFields.Text, text.Prose),
            new StoredField(IndexFields.Markdown, article.Markdown),
            new BinaryDocValuesField(IndexFields.IdValue, new BytesRef(article.Id)),
            new BinaryDocValuesField(IndexFields.PathValue, new BytesRef(article.Path)),
            new BinaryDocValuesField(IndexFields.FeedbackValue, new BytesRef($"{article.Title}\n{article.Summary}")),
        };

        if (text.FirstHeading is { } heading && !string.Equals(heading, article.Title, StringComparison.OrdinalIgnoreCase))
        {
            document.Add(new TextField(IndexFields.Title, heading, Field.Store.NO));
        }

        foreach (var alias in article.Aliases)
        {
            document.Add(new TextField(IndexFields.Aliases, alias, Field.Store.YES));
        }

        foreach (var tag in article.Tags)
        {
            document.Add(new TextField(IndexFields.Tags, tag, Field.Store.YES));
        }

        if (article.Category is { } category)
        {
            document.Add(new TextField(IndexFields.Tags, category, Field.Store.NO));
            document.Add(new StoredField(IndexFields.Category, category));
        }

        var headings = string.Join('\n', text.Headings);
        if (headings.Length > 0)
        {
            document.Add(new TextField(IndexFields.Headings, headings, Field.Store.NO));
        }

        AddStored(document, IndexFields.Audience, article.Audience);
        AddStored(document, IndexFields.Updated, article.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AddStored(document, IndexFields.Owner, article.Owner);
        AddStored(document, IndexFields.Attribution, article.Attribution);
        return document;
    }

    /// <summary>Rebuilds the article from a stored document.</summary>
    public static KnowledgeArticle ToArticle(Document document)
    {
        var updated = document.Get(IndexFields.Updated) is { } date
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : (DateOnly?)null;
        return new KnowledgeArticle(
            document.Get(IndexFields.Id),
            document.Get(IndexFields.Path),
            document.Get(IndexFields.Title),
            document.Get(IndexFields.Summary) ?? string.Empty,
            document.GetValues(IndexFields.Tags),
            document.Get(IndexFields.Category),
            document.GetValues(IndexFields.Aliases),
            document.Get(IndexFields.Audience),
            updated,
            document.Get(IndexFields.Owner),
            document.Get(IndexFields.Markdown) ?? string.Empty,
            Enum.TryParse<ArticleFormat>(document.Get(IndexFields.Format), out var format) ? format : ArticleFormat.Native,
            document.Get(IndexFields.Attribution));
    }

    private static void AddStored(Document document, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StoredField(name, value));
        }
    }
}

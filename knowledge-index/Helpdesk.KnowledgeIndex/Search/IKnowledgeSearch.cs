using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Knowledge-base search as the bot uses it. Implementations are thread-safe.</summary>
public interface IKnowledgeSearch
{
    /// <summary>
    /// Finds the articles best matching free user text (typos, casual wording and Lucene syntax characters are fine;
    /// nothing in the text is interpreted as query syntax). Returns at most <paramref name="top"/> hits, best first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is less than 1.</exception>
    IReadOnlyList<KnowledgeSearchResult> Search(string query, int top = 5);

    /// <summary>The full article for an id from a search result, or null when it is not (or no longer) indexed.</summary>
    KnowledgeArticle? GetArticle(string id);
}

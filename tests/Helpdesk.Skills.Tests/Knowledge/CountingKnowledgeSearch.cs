using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>A real search that counts the searches made through it.</summary>
internal sealed class CountingKnowledgeSearch(IKnowledgeSearch inner) : IKnowledgeSearch
{
    public int Searches { get; private set; }

    public IReadOnlyList<KnowledgeSearchResult> Search(string query, int top = 5)
    {
        Searches++;
        return inner.Search(query, top);
    }

    public KnowledgeArticle? GetArticle(string id) => inner.GetArticle(id);
}

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>The front matter dialect an article was written in.</summary>
public enum ArticleFormat
{
    /// <summary>This project's own format: id, title, summary, tags, category, aliases, audience, updated, owner.</summary>
    Native,

    /// <summary>Microsoft Learn / docs format: title, description and <c>ms.*</c> keys (e.g. MicrosoftDocs/OfficeDocs-Support).</summary>
    MicrosoftDocs,
}

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>Field names in the knowledge index.</summary>
public static class IndexFields
{
    /// <summary>Article id (exact, stored).</summary>
    public const string Id = "id";

    /// <summary>Path relative to the articles directory (exact, stored).</summary>
    public const string Path = "path";

    /// <summary>Front matter dialect (exact, stored).</summary>
    public const string Format = "format";

    /// <summary>Title plus the body's first heading (analyzed; the front matter title is stored).</summary>
    public const string Title = "title";

    /// <summary>Aliases and keywords (analyzed, stored).</summary>
    public const string Aliases = "aliases";

    /// <summary>Tags and category (analyzed; tags stored).</summary>
    public const string Tags = "tags";

    /// <summary>Summary / description (analyzed, stored).</summary>
    public const string Summary = "summary";

    /// <summary>Section headings (analyzed).</summary>
    public const string Headings = "headings";

    /// <summary>All body text: headings, prose and code (analyzed, positions for phrases).</summary>
    public const string Body = "body";

    /// <summary>Prose of the body, blocks separated by new lines (stored only; snippets are cut from it).</summary>
    public const string Text = "text";

    /// <summary>The Markdown body (stored only).</summary>
    public const string Markdown = "markdown";

    /// <summary>Category (stored only; indexed through <see cref="Tags"/>).</summary>
    public const string Category = "category";

    /// <summary>Audience (stored only).</summary>
    public const string Audience = "audience";

    /// <summary>Last update, yyyy-MM-dd (stored only).</summary>
    public const string Updated = "updated";

    /// <summary>Owner (stored only).</summary>
    public const string Owner = "owner";

    /// <summary>Attribution line for third-party content (stored only).</summary>
    public const string Attribution = "attribution";

    /// <summary>Doc values copy of <see cref="Id"/> (read per hit without touching stored fields).</summary>
    public const string IdValue = "dv_id";

    /// <summary>Doc values copy of <see cref="Path"/>.</summary>
    public const string PathValue = "dv_path";

    /// <summary>Doc values copy of <see cref="Title"/> and <see cref="Summary"/> (for pseudo-relevance feedback).</summary>
    public const string FeedbackValue = "dv_feedback";

    /// <summary>The analyzed fields searched, with their role.</summary>
    public static readonly IReadOnlyList<string> Searched = [Title, Aliases, Tags, Summary, Headings, Body];
}

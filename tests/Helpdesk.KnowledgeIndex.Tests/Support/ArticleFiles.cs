namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>Builds article files for tests.</summary>
internal static class ArticleFiles
{
    public static string Native(string id, string title, string summary, string body, string extraFrontMatter = "") =>
        $"""
        ---
        id: {id}
        title: {title}
        summary: {summary}
        tags: [test]
        updated: 2026-01-15
        {extraFrontMatter}
        ---
        # {title}

        {body}
        """;
}

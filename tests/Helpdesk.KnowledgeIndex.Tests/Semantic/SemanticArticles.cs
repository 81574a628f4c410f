using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

/// <summary>Small articles for semantic rerank tests.</summary>
internal static class SemanticArticles
{
    /// <summary>Lexically the best hit for "my mailbox is full" (both words), but about junk mail.</summary>
    public static KnowledgeArticle Junk { get; } = Article(
        "mailbox-full-of-junk",
        "Mailbox full of junk mail",
        "Empty the Junk folder and block senders.",
        "Open the Junk folder, select all, delete. Mark spam as junk so it is filtered. Junk and spam filters learn.");

    /// <summary>What "my mailbox is full" means, in other words (only "mailbox" is shared).</summary>
    public static KnowledgeArticle Quota { get; } = Article(
        "mailbox-quota",
        "Increase your mailbox storage quota",
        "When the storage quota is reached, archive old items or ask for more space.",
        "Check the size of your folders. Archive old items to free space, or request a larger quota from IT.");

    public static KnowledgeArticle Vpn { get; } = Article(
        "vpn-certificate",
        "VPN certificate expired",
        "Renew the VPN certificate.",
        "Open the company portal and renew the certificate, then reconnect the tunnel.");

    public static KnowledgeArticle Article(string id, string title, string summary, string body) =>
        new(id, id + ".md", title, summary, [], null, [], null, null, null, $"# {title}\n\n{body}\n", ArticleFormat.Native, null);
}

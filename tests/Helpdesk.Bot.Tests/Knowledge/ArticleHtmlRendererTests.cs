using Helpdesk.Bot.Knowledge;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.Bot.Tests.Knowledge;

public sealed class ArticleHtmlRendererTests
{
    private static readonly KnowledgeArticle Own = Article("vpn-wont-connect", ArticleFormat.Native);
    private static readonly KnowledgeArticle Docs = Article("OfficeDocs-Support/Outlook/Client/a/crash", ArticleFormat.MicrosoftDocs);
    private static readonly HashSet<string> Indexed = ["OfficeDocs-Support/Outlook/Client/b/profile", "OfficeDocs-Support/Outlook/other"];

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("\\\\evil.example\\share")]
    [InlineData("#x\"onmouseover=alert(1)")]
    [InlineData("relative/page.html")]
    [InlineData("")]
    public void SafeUrl_Dangerous_Refused(string url)
    {
        Assert.Null(ArticleHtmlRenderer.SafeUrl(url, Own, Indexed.Contains));
        Assert.Null(ArticleHtmlRenderer.SafeUrl(url, Docs, Indexed.Contains));
    }

    [Theory]
    [InlineData("https://support.contoso.com/x?y=1#z", "https://support.contoso.com/x?y=1#z")]
    [InlineData("http://example.com", "http://example.com")]
    [InlineData("mailto:help@contoso.com", "mailto:help@contoso.com")]
    [InlineData("#fix-it", "#fix-it")]
    [InlineData("/kb/vpn-certificate-error", "/kb/vpn-certificate-error")]
    public void SafeUrl_OwnArticle_Allowed(string url, string expected)
    {
        Assert.Equal(expected, ArticleHtmlRenderer.SafeUrl(url, Own, Indexed.Contains));
    }

    [Theory]
    [InlineData("../b/profile.md", "/kb/OfficeDocs-Support/Outlook/Client/b/profile")]
    [InlineData("../b/profile.md#steps", "/kb/OfficeDocs-Support/Outlook/Client/b/profile#steps")]
    [InlineData("../../other.md", "/kb/OfficeDocs-Support/Outlook/other")]
    [InlineData("/outlook/troubleshoot", "https://learn.microsoft.com/outlook/troubleshoot")]
    public void SafeUrl_DocsRelative_ResolvedToArticlePagesOrLearn(string url, string expected)
    {
        Assert.Equal(expected, ArticleHtmlRenderer.SafeUrl(url, Docs, Indexed.Contains));
    }

    [Theory]
    [InlineData("missing.md")]
    [InlineData("../../../../../../etc/passwd.md")]
    [InlineData("media/picture.png")]
    public void SafeUrl_DocsRelativeNotIndexed_Refused(string url)
    {
        Assert.Null(ArticleHtmlRenderer.SafeUrl(url, Docs, Indexed.Contains));
    }

    [Fact]
    public void Render_TitleHeadingAndDocsDirectives_LeftOut()
    {
        var article = Docs with
        {
            Title = "Outlook crashes",
            Markdown = "# Outlook crashes\n\n:::image type=\"content\" source=\"media/x.png\" alt-text=\"x\":::\n\n[!INCLUDE [banner](../includes/banner.md)]\n\n> [!NOTE]\n> Close Outlook first.\n\nBody text.\n\n# Another top heading\n",
        };

        var html = ArticleHtmlRenderer.Render(article, Indexed.Contains);

        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain(":::", html, StringComparison.Ordinal);
        Assert.DoesNotContain("INCLUDE", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>\n<p><strong>Note:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Close Outlook first.", html, StringComparison.Ordinal);
        Assert.Contains("<p>Body text.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"another-top-heading\">Another top heading</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RawHtml_DroppedTextKept()
    {
        var article = Own with { Markdown = "<div onclick=\"x()\">\nblock\n</div>\n\nPress <kbd>Ctrl</kbd>+<kbd>Alt</kbd> <!-- comment -->now.\n" };

        var html = ArticleHtmlRenderer.Render(article, Indexed.Contains);

        Assert.Equal("<p>Press Ctrl+Alt now.</p>\n", html);
    }

    private static KnowledgeArticle Article(string id, ArticleFormat format) =>
        new(id, id + ".md", "Title", "Summary", [], null, [], null, null, null, "Body", format, null);
}

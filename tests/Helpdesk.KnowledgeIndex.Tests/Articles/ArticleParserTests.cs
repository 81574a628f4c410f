using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Tests.Articles;

public sealed class ArticleParserTests
{
    private const string NativeArticle = """
        ---
        id: vpn-wont-connect
        title: VPN won't connect
        summary: Checks when the VPN fails.
        tags: [vpn, network]
        category: Network
        aliases:
          - VPN stuck on connecting
        keywords: remote access, tunnel
        audience: [employees, contractors]
        updated: 2026-03-01
        owner: Network Team
        ---
        # VPN won't connect

        Restart the computer.
        """;

    private const string DocsArticle = """
        ---
        title: Can't connect to Outlook
        description: Describes why Outlook can't connect.
        author: someone
        ms.author: meerak
        audience: ITPro
        ms.topic: troubleshooting
        ms.custom:
          - sap:Sites\Error 404: Site Unavailable
          - CSSTroubleshoot
        appliesto:
          - Exchange Online
          - Outlook 2016
        search.appverid:
          - MET150
        ms.date: 01/24/2024
        ---
        # Can't connect to Outlook by using POP/IMAP

        Some text.
        """;

    [Fact]
    public void Parse_NativeArticle_ReadsEveryField()
    {
        var result = ArticleParser.Parse("vpn.md", "network/vpn.md", NativeArticle);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var article = result.Article!;
        Assert.Equal("vpn-wont-connect", article.Id);
        Assert.Equal("network/vpn.md", article.Path);
        Assert.Equal("VPN won't connect", article.Title);
        Assert.Equal("Checks when the VPN fails.", article.Summary);
        Assert.Equal(["vpn", "network"], article.Tags);
        Assert.Equal("Network", article.Category);
        Assert.Equal(["VPN stuck on connecting", "remote access", "tunnel"], article.Aliases);
        Assert.Equal("employees, contractors", article.Audience);
        Assert.Equal(new DateOnly(2026, 3, 1), article.Updated);
        Assert.Equal("Network Team", article.Owner);
        Assert.Equal(ArticleFormat.Native, article.Format);
        Assert.StartsWith("# VPN won't connect", article.Markdown, StringComparison.Ordinal);
        Assert.Null(article.Attribution);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Parse_MicrosoftDocsArticle_MapsDocsKeys()
    {
        var result = ArticleParser.Parse("x.md", "OfficeDocs-Support/Outlook/Client/x.md", DocsArticle, "CC BY 4.0 line");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var article = result.Article!;
        Assert.Equal(ArticleFormat.MicrosoftDocs, article.Format);
        Assert.Equal("OfficeDocs-Support/Outlook/Client/x", article.Id);
        Assert.Equal("Can't connect to Outlook", article.Title);
        Assert.Equal("Describes why Outlook can't connect.", article.Summary);
        Assert.Equal(["Exchange Online", "Outlook 2016"], article.Tags);
        Assert.Equal("Sites", article.Category);
        Assert.Equal(new DateOnly(2024, 1, 24), article.Updated);
        Assert.Equal("meerak", article.Owner);
        Assert.Equal("ITPro", article.Audience);
        Assert.Equal("CC BY 4.0 line", article.Attribution);
    }

    [Fact]
    public void Parse_BrokenYaml_ReportsFileAndLineOfTheProblem()
    {
        const string content = "---\nid: broken\ntitle: [unclosed\nsummary: x\n---\nBody\n";

        var result = ArticleParser.Parse("bad.md", "bad.md", content);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("bad.md", problem.File);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.InRange(problem.Line, 3, 5);
        Assert.Contains("invalid YAML", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.md:{problem.Line}", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedFrontMatter_ReportsLineOne()
    {
        var result = ArticleParser.Parse("open.md", "open.md", "---\nid: open\ntitle: Open\n\nBody without closing delimiter\n");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrontMatter_IsAnError()
    {
        var result = ArticleParser.Parse("plain.md", "plain.md", "# Just Markdown\n\nText.\n");

        Assert.False(result.Succeeded);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Parse_BadDateAndMissingSummary_ReportEachWithItsLine()
    {
        const string content = "---\nid: dated\ntitle: Dated\nupdated: last tuesday\n---\nBody\n";

        var result = ArticleParser.Parse("dated.md", "dated.md", content);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Message.Contains("'updated'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("missing required key 'summary'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InvalidId_IsAnErrorOnTheIdLine()
    {
        const string content = "---\ntitle: T\nid: Not A Slug\nsummary: S\n---\nBody\n";

        var result = ArticleParser.Parse("id.md", "id.md", content);

        Assert.False(result.Succeeded);
        Assert.Equal(3, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Parse_DuplicateKey_IsAnError()
    {
        const string content = "---\nid: dup\ntitle: A\ntitle: B\nsummary: S\n---\nBody\n";

        var result = ArticleParser.Parse("dup.md", "dup.md", content);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Line == 4);
    }

    [Fact]
    public void Parse_UnknownNativeKey_IsAWarningAndTheArticleIsKept()
    {
        const string content = "---\nid: extra\ntitle: Extra\nsummary: S\ncolour: blue\n---\nBody\n";

        var result = ArticleParser.Parse("extra.md", "extra.md", content);

        Assert.True(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Parse_EmptyBody_IsAnError()
    {
        var result = ArticleParser.Parse("empty.md", "empty.md", "---\nid: empty\ntitle: E\nsummary: S\n---\n\n");

        Assert.False(result.Succeeded);
        Assert.Contains("no body", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndCrLf_AreAccepted()
    {
        var content = "\uFEFF---\r\nid: crlf\r\ntitle: Windows file\r\nsummary: S\r\n---\r\nBody\r\n";

        var result = ArticleParser.Parse("crlf.md", "crlf.md", content);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Windows file", result.Article!.Title);
    }
}

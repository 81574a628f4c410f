using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

public sealed class SemanticPassagesTests
{
    [Fact]
    public void For_ShortArticle_OnePassageWithTitleSummaryAndProse()
    {
        var passages = SemanticPassages.For(SemanticArticles.Vpn, SemanticRerankSettings.Default);

        var passage = Assert.Single(passages);
        Assert.StartsWith("VPN certificate expired. Renew the VPN certificate.. VPN certificate expired Open the company portal", passage, StringComparison.Ordinal);
    }

    [Fact]
    public void For_LongArticle_ContinuesWhereThePreviousPassageEndedUpToTheLimit()
    {
        var body = string.Join(' ', Enumerable.Range(1, 2000).Select(i => "w" + i));
        var article = SemanticArticles.Article("long", "Long", "Sum.", body);

        var passages = SemanticPassages.For(article, SemanticRerankSettings.Default with { PassageChars = 200, PassagesPerArticle = 3 });

        Assert.Equal(3, passages.Length);
        Assert.All(passages, p => Assert.True(p.Length <= 200));
        Assert.StartsWith("Long. Sum.. Long w1 w2", passages[0], StringComparison.Ordinal);
        Assert.StartsWith("Long. ", passages[1], StringComparison.Ordinal);
        var prose = SemanticPassages.Prose(article.Markdown);
        Assert.Equal(prose.Substring(200 - 4 - 4 - 4, 20), passages[1].Substring(6, 20));
    }

    [Fact]
    public void Prose_DropsCodeImagesLinkTargetsAndTags()
    {
        var prose = SemanticPassages.Prose("# Title\n\nSee [the portal](https://x.example/a) ![shot](a.png) <b>now</b>\n\n```\nrm -rf /\n```\n| a | b |");

        Assert.Equal("Title See the portal now a b", prose);
    }
}

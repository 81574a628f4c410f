using Helpdesk.KnowledgeIndex.Tests.Support;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class OwnKnowledgeBaseSearchTests(OwnKnowledgeBaseFixture fixture) : IClassFixture<OwnKnowledgeBaseFixture>
{
    [Theory]
    [InlineData("i forgot my pasword", "password-reset-self-service")]
    [InlineData("outlok keeps crashing", "outlook-crashes")]
    [InlineData("vpn certficate expired", "vpn-certificate-error")]
    [InlineData("bitlocker recovry key", "bitlocker-recovery-key")]
    [InlineData("printr offline", "printer-offline")]
    [InlineData("onedirve not syncing", "onedrive-sync-problems")]
    [InlineData("acount locked out", "account-locked-out")]
    [InlineData("phising email", "report-phishing")]
    public void Search_QueryWithTypo_FindsTheRightArticleInTopThree(string query, string expectedId)
    {
        var results = fixture.KnowledgeBase.Search(query, 3);

        Assert.Contains(results, r => r.Id == expectedId);
    }

    [Theory]
    [InlineData("virtual private network keeps dropping", "vpn-keeps-disconnecting")]
    [InlineData("2fa new phone", "mfa-new-phone")]
    [InlineData("wireless in the office", "wifi-corporate")]
    [InlineData("laptop is sluggish", "slow-computer")]
    public void Search_SynonymQuery_FindsTheArticleFirst(string query, string expectedId)
    {
        Assert.Equal(expectedId, fixture.KnowledgeBase.Search(query, 5)[0].Id);
    }

    [Fact]
    public void Search_Result_HasSnippetWithTheQueryTermsHighlighted()
    {
        var result = fixture.KnowledgeBase.Search("print job stuck in the queue", 3)[0];

        Assert.Equal("printer-stuck-queue", result.Id);
        Assert.False(string.IsNullOrWhiteSpace(result.Snippet));
        Assert.True(result.Snippet.Length <= 242, $"snippet of {result.Snippet.Length} chars");
        Assert.NotEmpty(result.Highlights);
        var marked = result.Highlights.Select(h => result.Snippet.Substring(h.Start, h.Length).ToLowerInvariant()).ToArray();
        Assert.Contains(marked, m => m.StartsWith("print", StringComparison.Ordinal) || m.StartsWith("queue", StringComparison.Ordinal) || m.StartsWith("stuck", StringComparison.Ordinal));
        Assert.Contains("queue", result.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Search_Result_CarriesArticleFields()
    {
        var result = fixture.KnowledgeBase.Search("bitlocker recovery key", 1)[0];

        Assert.Equal("bitlocker-recovery-key", result.Id);
        Assert.Equal("bitlocker-recovery-key.md", result.Path);
        Assert.Equal("BitLocker recovery key", result.Title);
        Assert.False(string.IsNullOrEmpty(result.Summary));
        Assert.True(result.Score > 0);
        Assert.Null(result.Attribution);
    }

    [Fact]
    public void Search_TopLimitsResults()
    {
        Assert.Equal(2, fixture.KnowledgeBase.Search("outlook", 2).Count);
    }

    [Fact]
    public void Search_TopBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.KnowledgeBase.Search("outlook", 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of")]
    public void Search_NothingToSearchFor_ReturnsEmpty(string query)
    {
        Assert.Empty(fixture.KnowledgeBase.Search(query, 5));
    }

    [Fact]
    public void GetArticle_KnownId_ReturnsFullArticle()
    {
        var article = fixture.KnowledgeBase.GetArticle("vpn-wont-connect");

        Assert.NotNull(article);
        Assert.Equal("VPN won't connect", article.Title);
        Assert.Contains("vpn.contoso.com", article.Markdown, StringComparison.Ordinal);
        Assert.Contains("vpn", article.Tags);
        Assert.NotNull(article.Updated);
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("")]
    public void GetArticle_UnknownId_ReturnsNull(string id)
    {
        Assert.Null(fixture.KnowledgeBase.GetArticle(id));
    }
}

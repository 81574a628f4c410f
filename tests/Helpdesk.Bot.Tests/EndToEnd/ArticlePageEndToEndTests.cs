using Helpdesk.Bot.Tests.Knowledge;

namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>
/// The article pages in headless Chromium (tests/e2e/kbpage.e2e.mjs) over a hostile article: with the CSP bypassed
/// nothing in the markup runs (no dialog, no script/img/iframe element, no on* attribute, only safe links), and with
/// the CSP enforced nothing even tries to.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ArticlePageEndToEndTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    [EndToEndFact(EndToEndRequirements.Node | EndToEndRequirements.Chromium)]
    public async Task ArticlePage_HostileArticleInChromium_NothingRuns()
    {
        using var articles = new KnowledgeTestArticles();
        var server = new BotServerFixture([("Knowledge:ArticleDirectories:0", articles.Own), ("Knowledge:ExtraArticleDirectories:0", articles.Docs), ("Knowledge:WatchArticles", "false")]);
        await server.InitializeAsync();
        try
        {
            var result = await NodeE2EScripts.RunAsync(
                "kbpage.e2e.mjs",
                ["--url", server.BaseUrl, "--chromium", EndToEndEnvironment.ChromiumPath,
                    "--path", "/kb/" + KnowledgeTestArticles.MaliciousId, "--path", "/kb/vpn-wont-connect", "--path", "/kb/Outlook/Client/outlook-crash"],
                ScriptTimeout);

            Assert.True(result.Passed, result.Describe());
            var pages = result.Json!.Value.GetProperty("pages").EnumerateArray().ToList();
            Assert.Equal(6, pages.Count);
            var hostile = pages.Where(p => p.GetProperty("path").GetString()!.Contains(KnowledgeTestArticles.MaliciousId, StringComparison.Ordinal)).ToList();
            Assert.All(hostile, p =>
            {
                Assert.Empty(p.GetProperty("dialogs").EnumerateArray());
                Assert.Empty(p.GetProperty("xss").EnumerateArray());
                Assert.Contains("click me", p.GetProperty("text").GetString(), StringComparison.Ordinal);
            });
            Assert.Contains(hostile, p => p.GetProperty("mode").GetString() == "csp-bypassed");
            Assert.All(pages.Where(p => p.GetProperty("mode").GetString() == "csp-enforced"), p =>
                Assert.StartsWith("default-src 'none'; script-src 'none'", p.GetProperty("contentSecurityPolicy").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

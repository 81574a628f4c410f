using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary><c>GET /kb/{id}</c> on the real host, over real article files (one of them hostile).</summary>
public sealed partial class ArticlePageApiTests : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly KnowledgeTestArticles _articles = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ArticlePageApiTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("Knowledge:ArticleDirectories:0", _articles.Own);
            builder.UseSetting("Knowledge:ExtraArticleDirectories:0", _articles.Docs);
            builder.UseSetting("Knowledge:WatchArticles", "false");
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _articles.Dispose();
    }

    [Fact]
    public async Task Get_Article_RendersStyledPageUnderStrictCsp()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/kb/vpn-wont-connect");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; script-src 'none'; style-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains($"<style nonce=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(StyleNonce().Match(csp).Groups[1].Value)}\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"kb-article__title\">VPN won&#x27;t connect</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/site.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/kb.css\">", html, StringComparison.Ordinal);
        Assert.Contains("Network and remote access", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://support.contoso.com\" rel=\"noopener noreferrer nofollow\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-article__attribution", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/kb.css")).StatusCode);
    }

    [Fact]
    public async Task Get_MaliciousArticle_NothingExecutable()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/kb/" + KnowledgeTestArticles.MaliciousId);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // In the article (the page's own header has a logo): no element that runs or loads anything, no
        // event-handler or style attribute, no dangerous URL in any attribute.
        var main = html[html.IndexOf("<main class=\"kb\">", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        foreach (Match tag in Tag().Matches(main))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Assert.DoesNotContain(name, (string[])["script", "img", "iframe", "svg", "object", "embed", "b", "form", "input", "base", "meta http-equiv"]);
            foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim().ToLowerInvariant();
                Assert.False(attributeName.StartsWith("on", StringComparison.Ordinal), $"event handler attribute in {tag.Value}");
                Assert.NotEqual("style", attributeName);
                if (attributeName is "href" or "src" or "action" or "formaction")
                {
                    Assert.Matches("^(https://|mailto:|/|#)", value);
                }
            }
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<h1"));
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html.Replace("[tracker]", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // The text survives as text; the hostile title is shown escaped.
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Printer help", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('code')&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("click me", html, StringComparison.Ordinal);
        Assert.Contains("bold", html, StringComparison.Ordinal);
        Assert.Contains("<p>[image alt] [tracker]</p>", html, StringComparison.Ordinal);

        // Safe links stay links.
        Assert.Contains("<a href=\"https://example.com/safe\" rel=\"noopener noreferrer nofollow\">safe</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:help@contoso.com\">mail</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#heading\">section</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DocsArticle_AttributionFooterAndLinksBetweenArticles()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/kb/Outlook/Client/outlook-crash");

        Assert.Contains("<footer class=\"kb-article__attribution\">", html, StringComparison.Ordinal);
        Assert.Contains("licensed under CC BY 4.0 (<a href=\"https://creativecommons.org/licenses/by/4.0/legalcode\" rel=\"license noopener noreferrer\">", html, StringComparison.Ordinal);
        Assert.Contains("images and embedded HTML of the original are left out", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/kb/Outlook/profile/rebuild-profile#steps\">the profile article</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://learn.microsoft.com/outlook/troubleshoot\" rel=\"noopener noreferrer nofollow\">Learn</a>", html, StringComparison.Ordinal);
        Assert.Contains("and missing.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kb/Outlook/profile/rebuild-profile")).StatusCode);
    }

    [Theory]
    [InlineData("/kb/no-such-article")]
    [InlineData("/kb/")]
    [InlineData("/kb/VPN-WONT-CONNECT")]
    [InlineData("/kb/vpn-wont-connect.md")]
    [InlineData("/kb/../appsettings.json")]
    [InlineData("/kb/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/kb/..%2f..%2fappsettings.json")]
    [InlineData("/kb/Outlook/Client/../../../appsettings.json")]
    [InlineData("/kb/%5c..%5cappsettings.json")]
    [InlineData("/kb/Outlook//Client/outlook-crash")]
    public async Task Get_UnknownOrTraversal_NotFoundPage(string path)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path, UriKind.Absolute));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("\"Logging\"", html, StringComparison.Ordinal);
        if (!path.Contains("..", StringComparison.Ordinal) && !path.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("Article not found", html, StringComparison.Ordinal);
            Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_UnknownIdFromAnApiClient_ProblemDetails()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/kb/no-such-article");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Article not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Article_Ok()
    {
        using var client = _factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/kb/vpn-wont-connect"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attributes>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex("style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex StyleNonce();
}

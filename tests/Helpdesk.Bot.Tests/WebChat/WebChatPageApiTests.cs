using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Helpdesk.Bot.Tests.WebChat;

public sealed partial class WebChatPageApiTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public WebChatPageApiTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("WebChat:Title", "Contoso IT Help");
            builder.UseSetting("WebChat:BrandColor", "#0f6cbd");
            builder.UseSetting("WebChat:ServiceDeskContact", "Call ext. 4357");
        });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task Get_Page_RendersSettingsWithoutPlaceholders(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Contoso IT Help</title>", html, StringComparison.Ordinal);
        Assert.Contains("Reset your password, fix VPN/Wi-Fi/printer problems, find answers, or reach the service desk", html, StringComparison.Ordinal);
        Assert.Contains("--brand: #0f6cbd;", html, StringComparison.Ordinal);
        Assert.Contains("Call ext. 4357", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/lib/webchat.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Page_StrictCspWhoseStyleNonceMatchesThePage()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = StyleNonce().Match(csp);

        Assert.True(nonce.Success, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var pageNonce = Regex.Match(html, "<style nonce=\"([^\"]+)\">").Groups[1].Value;
        Assert.Equal(nonce.Groups[1].Value, System.Net.WebUtility.HtmlDecode(pageNonce));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Get_PageTwice_FreshNonceEachTime()
    {
        using var client = _factory.CreateClient();

        var first = Assert.Single((await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));
        var second = Assert.Single((await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));

        Assert.NotEqual(StyleNonce().Match(first).Value, StyleNonce().Match(second).Value);
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/chat.js", "text/javascript")]
    [InlineData("/img/favicon.svg", "image/svg+xml")]
    [InlineData("/lib/webchat.js", "text/javascript")]
    public async Task Get_StaticAsset_ServedFromHostWebRootWithNoSniff(string path, string mediaType)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task Get_WebChatBundle_IsWebChat4181()
    {
        using var client = _factory.CreateClient();

        var bundle = await client.GetStringAsync("/lib/webchat.js");

        Assert.Contains("\"botframework-webchat:bundle:version\",\"4.18.1\"", bundle, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WebChat:BrandColor", "blue", "WebChat:BrandColor must be a colour like #0f6cbd.")]
    [InlineData("WebChat:Title", "", "WebChat:Title is required")]
    [InlineData("WebChat:BotAvatarInitials", "ABCD", "WebChat:BotAvatarInitials must be 1 to 3 letters or digits.")]
    public void Start_InvalidWebChatSetting_FailsWithClearMessage(string key, string value, string message)
    {
        using var factory = _factory.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex StyleNonce();
}

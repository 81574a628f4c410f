using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class WebChatTokenApiTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["DirectLine:WebChatTokenPermitLimit"] = "3" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_NoBody_ReturnsTokenBoundToNewConversationAndMintedUser()
    {
        var json = await _host.SendJsonAsync(HttpMethod.Post, "/api/webchat/token", bearer: null);

        var token = json.GetProperty("token").GetString()!;
        var conversationId = json.GetProperty("conversationId").GetString()!;
        var userId = json.GetProperty("userId").GetString()!;
        Assert.True(DirectLineIds.IsMintedUserId(userId));
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement;
        Assert.Equal(conversationId, claims.GetProperty("conv").GetString());
        Assert.Equal(userId, claims.GetProperty("user").GetString());
        Assert.DoesNotContain(DirectLineTestHost.Secret, json.GetRawText(), StringComparison.Ordinal);

        // What Web Chat does next: start the conversation with the token; the bot greets the bound user.
        var (started, _, _) = await _host.StartConversationAsync(token, new { user = new { } });
        await _host.WhenIdleAsync();
        var (activities, _) = await _host.GetActivitiesAsync(started, token);
        Assert.Equal(conversationId, started);
        Assert.Equal(DirectLineTestBot.WelcomePrefix + userId, Assert.Single(activities).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_PreviousMintedUserId_KeepsTheUserWithANewConversation()
    {
        var first = await _host.SendJsonAsync(HttpMethod.Post, "/api/webchat/token", null);
        var userId = first.GetProperty("userId").GetString();

        var second = await _host.SendJsonAsync(HttpMethod.Post, "/api/webchat/token", null, new { userId });

        Assert.Equal(userId, second.GetProperty("userId").GetString());
        Assert.NotEqual(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("dl_short")]
    [InlineData("dl_has spaces and more than enough chars")]
    public async Task Post_UserIdNotMintedByServer_GetsAFreshId(string userId)
    {
        var json = await _host.SendJsonAsync(HttpMethod.Post, "/api/webchat/token", null, new { userId });

        var minted = json.GetProperty("userId").GetString();
        Assert.NotEqual(userId, minted);
        Assert.True(DirectLineIds.IsMintedUserId(minted));
    }

    [Fact]
    public async Task Post_OverThePerIpLimit_Returns429WithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
        {
            using var ok = await _host.SendAsync(HttpMethod.Post, "/api/webchat/token", null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await _host.SendAsync(HttpMethod.Post, "/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Returns403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_FromOwnOrigin_Succeeds()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Origin", "http://localhost");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.OK)]
    public async Task Post_SecFetchSite_DecidesWhetherTheCallerIsThisSite(string fetchSite, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        request.Headers.Add("Origin", "https://helpdesk.behind-a-proxy.example"); // not what the app sees as its host

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/webchat/token", null, rawBody: "{oops");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

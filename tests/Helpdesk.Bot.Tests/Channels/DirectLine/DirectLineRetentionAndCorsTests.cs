using System.Net;
using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineRetentionAndCorsTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost(settings: new Dictionary<string, string?>
        {
            ["DirectLine:TranscriptRetention"] = "7.00:00:00",
            ["DirectLine:AllowedOrigins:0"] = "https://portal.example",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SweepAsync_ConversationIdleBeyondRetention_IsDeleted()
    {
        var (conversationId, _, _) = await _host.StartConversationAsync();
        var sweeper = _host.Services.GetServices<IHostedService>().OfType<DirectLineRetentionService>().Single();

        // (The service's own timer may sweep too as the fake clock advances; the outcome is what counts.)
        _host.Time.Advance(TimeSpan.FromDays(6));
        await sweeper.SweepAsync(default);
        using var kept = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", DirectLineTestHost.Secret);
        _host.Time.Advance(TimeSpan.FromDays(2));
        await sweeper.SweepAsync(default);
        using var deleted = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAllowedOrigin_AllowsWebChatHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://portal.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-ms-bot-agent, x-requested-with");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://portal.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatToken_FromAllowedOriginPage_IsIssuedWithCorsHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Origin", "https://portal.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://portal.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Request_FromOtherOrigin_GetsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Authorization", "Bearer " + DirectLineTestHost.Secret);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Request_FromAllowedOrigin_GetsAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://portal.example");
        request.Headers.Add("Authorization", "Bearer " + DirectLineTestHost.Secret);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal("https://portal.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

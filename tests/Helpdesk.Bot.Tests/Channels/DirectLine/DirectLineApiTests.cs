using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineApiTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DirectLineTestHost(settings: new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerPage"] = "3" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TokensGenerate_WithSecretAndUser_ReturnsTokenBoundToNewConversation()
    {
        var json = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret, new { user = new { id = "dl_ann", name = "Ann" } });

        var conversationId = json.GetProperty("conversationId").GetString()!;
        var token = json.GetProperty("token").GetString()!;
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.True(DirectLineIds.IsValidConversationId(conversationId));
        Assert.False(json.TryGetProperty("streamUrl", out _));

        // The token works on its conversation and binds the user: from.id is forced to dl_ann.
        await _host.PostMessageAsync(conversationId, token, "hi", userId: "someone-else");
        await _host.WhenIdleAsync();
        var (activities, _) = await _host.GetActivitiesAsync(conversationId, token);
        Assert.Equal("dl_ann", activities[0].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task TokensGenerate_WithToken_Returns403()
    {
        var (_, token, _) = await _host.StartConversationAsync();

        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic abc")]
    [InlineData("Bearer ")]
    public async Task Request_MissingOrMalformedAuthorization_Returns401InDirectLineErrorShape(string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal(DirectLineErrorCodes.BadArgument, error.Code);
    }

    [Fact]
    public async Task Request_WrongSecret_Returns403BadArgument()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "wrong-secret-0123456789");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal(DirectLineErrorCodes.BadArgument, error.Code);
        Assert.Equal("Invalid token or secret", error.Message);
    }

    [Fact]
    public async Task ErrorBody_IsDirectLineErrorAndProblemDetails()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", "forged.token.value");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(403, json.GetProperty("status").GetInt32());
        Assert.Equal("Forbidden", json.GetProperty("title").GetString());
        Assert.Equal("Invalid token or secret", json.GetProperty("detail").GetString());
        Assert.Equal("BadArgument", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TokensRefresh_WithToken_ReturnsNewTokenForSameConversation()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(15));

        var json = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(conversationId, json.GetProperty("conversationId").GetString());
        var refreshed = json.GetProperty("token").GetString()!;
        Assert.NotEqual(token, refreshed);
        _host.Time.Advance(TimeSpan.FromMinutes(50)); // the old token is now expired, the new one is not
        using var oldResponse = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        using var newResponse = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", refreshed);
        Assert.Equal(HttpStatusCode.Forbidden, oldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newResponse.StatusCode);
    }

    [Fact]
    public async Task TokensRefresh_ExpiredToken_Returns403TokenExpired()
    {
        var (_, token, _) = await _host.StartConversationAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(61));

        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DirectLineErrorCodes.TokenExpired, (await ErrorOf(response)).Code);
    }

    [Fact]
    public async Task TokensRefresh_WithSecret_Returns403()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", DirectLineTestHost.Secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForConversationAUsedOnB_Returns403()
    {
        var (conversationA, tokenA, _) = await _host.StartConversationAsync();
        var (conversationB, _, _) = await _host.StartConversationAsync();

        using var get = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/activities", tokenA);
        using var post = await _host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationB}/activities", tokenA, new { type = "message", text = "x", from = new { id = "u" } });
        using var reconnect = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationB}", tokenA);

        Assert.All([get, post, reconnect], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("Token not valid for this conversation", (await ErrorOf(post)).Message);
        Assert.NotEqual(conversationA, conversationB);
    }

    [Fact]
    public async Task Secret_WorksOnAnyConversation()
    {
        var (conversationA, tokenA, _) = await _host.StartConversationAsync();
        await _host.PostMessageAsync(conversationA, tokenA, "from token");
        await _host.WhenIdleAsync();

        await _host.PostMessageAsync(conversationA, DirectLineTestHost.Secret, "from secret");
        await _host.WhenIdleAsync();
        var (activities, _) = await _host.GetAllActivitiesAsync(conversationA, DirectLineTestHost.Secret);

        Assert.Contains(activities, a => a.GetProperty("text").GetString() == "from secret");
    }

    [Fact]
    public async Task Secret_OnUnknownConversation_Returns404()
    {
        using var get = await _host.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", DirectLineTestHost.Secret);
        using var post = await _host.SendAsync(HttpMethod.Post, "/v3/directline/conversations/nope/activities", DirectLineTestHost.Secret, new { type = "message", from = new { id = "u" } });
        using var reconnect = await _host.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope", DirectLineTestHost.Secret);

        Assert.All([get, post, reconnect], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task StartConversation_WithSecret_Returns201WithTokenAndStreamUrl()
    {
        var json = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineTestHost.Secret, expectedStatus: 201);

        var conversationId = json.GetProperty("conversationId").GetString()!;
        var streamUrl = new Uri(json.GetProperty("streamUrl").GetString()!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal($"/v3/directline/conversations/{conversationId}/stream", streamUrl.AbsolutePath);
        Assert.Contains("watermark=0", streamUrl.Query, StringComparison.Ordinal);
        Assert.Contains("t=", streamUrl.Query, StringComparison.Ordinal);
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task StartConversation_SameTokenTwice_Returns201Then200()
    {
        var generated = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret, new { user = new { id = "dl_bob" } });
        var token = generated.GetProperty("token").GetString()!;

        var first = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", token, new { user = new { id = "dl_bob" } }, expectedStatus: 201);
        var second = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/conversations", token, expectedStatus: 200);

        Assert.Equal(generated.GetProperty("conversationId").GetString(), first.GetProperty("conversationId").GetString());
        Assert.Equal(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task StartConversation_WithBoundUser_BotWelcomesUser()
    {
        var generated = await _host.SendJsonAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret, new { user = new { id = "dl_carol" } });
        var token = generated.GetProperty("token").GetString()!;
        var (conversationId, _, _) = await _host.StartConversationAsync(token, new { user = new { } });
        await _host.WhenIdleAsync();

        var (activities, watermark) = await _host.GetActivitiesAsync(conversationId, token);

        var welcome = Assert.Single(activities);
        Assert.Equal(DirectLineTestBot.WelcomePrefix + "dl_carol", welcome.GetProperty("text").GetString());
        Assert.False(welcome.TryGetProperty("replyToId", out _)); // the conversationUpdate it answers is not shown to clients
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task PostActivity_ReturnsId_AndTheUserActivityComesBackWithSameIdAndClientActivityId()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        var id = await _host.PostMessageAsync(conversationId, token, "hello", clientActivityId: "client-42");
        var (activities, _) = await _host.GetActivitiesAsync(conversationId, token);

        Assert.Equal($"{conversationId}|0000001", id);
        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("hello", echo.GetProperty("text").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(conversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("helpdesk-bot", echo.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(_host.Time.GetUtcNow(), echo.GetProperty("timestamp").GetDateTimeOffset());
        Assert.EndsWith("/v3/directline/", echo.GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_BotRepliesAfterTheEchoInOrderWithReplyToId()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        var first = await _host.PostMessageAsync(conversationId, token, "count 2");
        await _host.WhenIdleAsync();
        var second = await _host.PostMessageAsync(conversationId, token, "again");
        await _host.WhenIdleAsync();
        var (all, watermark) = await _host.GetAllActivitiesAsync(conversationId, token);

        // user 1, welcome (user joined), "1", "2" for the first; user 2, echo for the second. No typing (WebSocket only).
        Assert.Equal(
            [("user", "count 2"), ("bot", "welcome user-1"), ("bot", "1"), ("bot", "2"), ("user", "again"), ("bot", "echo: again")],
            all.Select(a => (a.GetProperty("from").GetProperty("role").GetString(), a.GetProperty("text").GetString())));
        Assert.Equal(first, all[2].GetProperty("replyToId").GetString());
        Assert.Equal(first, all[3].GetProperty("replyToId").GetString());
        Assert.Equal(second, all[5].GetProperty("replyToId").GetString());
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"{conversationId}|{i:D7}"), all.Select(a => a.GetProperty("id").GetString()));
        Assert.DoesNotContain(all, a => a.GetProperty("type").GetString() == ActivityTypes.Typing);
        Assert.Equal("6", watermark);
    }

    [Fact]
    public async Task GetActivities_PagesByWatermark()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();
        await _host.PostMessageAsync(conversationId, token, "count 4"); // user, welcome, 1..4 = 6 activities
        await _host.WhenIdleAsync();

        var (page1, mark1) = await _host.GetActivitiesAsync(conversationId, token);
        var (page2, mark2) = await _host.GetActivitiesAsync(conversationId, token, mark1);
        var (page3, mark3) = await _host.GetActivitiesAsync(conversationId, token, mark2);

        Assert.Equal((3, "3"), (page1.Length, mark1));
        Assert.Equal((3, "6"), (page2.Length, mark2));
        Assert.Equal((0, "6"), (page3.Length, mark3));
        Assert.Equal("4", page2[^1].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":5}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task PostActivity_MalformedBody_Returns400NotServerError(string body)
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        using var response = await _host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, rawBody: body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DirectLineErrorCodes.BadArgument, (await ErrorOf(response)).Code);
    }

    [Fact]
    public async Task StartConversation_MalformedBody_Returns400()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineTestHost.Secret, rawBody: "{\"user\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetActivities_BadWatermark_Returns400()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        using var response = await _host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reconnect_ReturnsTokenAndStreamUrlReplayingAfterWatermark()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        var json = await _host.SendJsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=7", token);

        Assert.Equal(conversationId, json.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("token").GetString()));
        Assert.Contains("watermark=7", json.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Returns400NotSupported()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        using var response = await _host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=u", token, rawBody: "x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DirectLineErrorCodes.NotSupported, (await ErrorOf(response)).Code);
    }

    [Fact]
    public async Task Stream_PlainHttpRequest_Returns400AndBadTokenReturns403()
    {
        var (_, _, streamUrl) = await _host.StartConversationAsync();
        var path = new Uri(streamUrl).PathAndQuery;

        using var plain = await _host.Client.GetAsync(path);
        using var forged = await _host.Client.GetAsync(path[..(path.IndexOf("&t=", StringComparison.Ordinal) + 3)] + "forged");

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task PostActivity_ClientConversationUpdate_Returns400()
    {
        var (conversationId, token, _) = await _host.StartConversationAsync();

        using var response = await _host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new { type = "conversationUpdate", from = new { id = "u" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(string Code, string Message)> ErrorOf(HttpResponseMessage response)
    {
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}

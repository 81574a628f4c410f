using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkReplyTests : IDisposable
{
    private const string EncodedConversation = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";

    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.Authenticated();
    private readonly BotFrameworkSigningKey _key = new("bf-key-1", "msteams", "webchat");

    public BotFrameworkReplyTests() => _factory.Cloud.PublishBotFrameworkKeys(_key);

    public void Dispose()
    {
        _factory.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Reply_TeamsChannelThread_PostsToEncodedReplyUrlWithSwappedAccountsAndAppToken()
    {
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("printer jam"), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_factory.Cloud.ConnectorRequests);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal($"https://smba.connector.test/amer/v3/conversations/{EncodedConversation}/activities/act-1", call.Uri.AbsoluteUri);
        Assert.Equal("Bearer app-token-1", call.Authorization);
        var reply = call.Activity;
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("echo: printer jam", reply.Text);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Equal(BotFrameworkTestFactory.TeamsConversationId, reply.Conversation?.Id);
        Assert.Equal("28:" + BotFrameworkFakeCloud.AppId, reply.From?.Id);
        Assert.Equal("29:user-1", reply.Recipient?.Id);
        Assert.Equal("msteams", reply.ChannelId);
    }

    [Fact]
    public async Task Reply_AppToken_IsRequestedWithClientCredentialsFromTheAuthority()
    {
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Assert.Single(_factory.Cloud.TokenRequestBodies).Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(BotFrameworkFakeCloud.AppId, form["client_id"]);
        Assert.Equal(BotFrameworkFakeCloud.AppPassword, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Reply_TwoTurns_ReuseOneCachedAppToken()
    {
        using (var first = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("one"), Token()))
        using (var second = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("two"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        Assert.Equal(1, _factory.Cloud.TokenRequests);
        Assert.All(_factory.Cloud.ConnectorRequests, r => Assert.Equal("Bearer app-token-1", r.Authorization));
        Assert.Equal(2, _factory.Cloud.ConnectorRequests.Count);
    }

    [Fact]
    public async Task Reply_AppTokenNearExpiry_IsRenewed()
    {
        using (var first = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("one"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _factory.Time.Advance(TimeSpan.FromMinutes(56)); // 1 h token, renewed 5 min before expiry.
        using (var second = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("two"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        Assert.Equal(2, _factory.Cloud.TokenRequests);
        Assert.Equal("Bearer app-token-2", _factory.Cloud.ConnectorRequests.Last().Authorization);
    }

    [Fact]
    public async Task Reply_ConnectorRefusesToken_NextTurnGetsFreshToken()
    {
        _factory.Cloud.ScriptConnector(() => BotFrameworkFakeCloud.Status(HttpStatusCode.Unauthorized));

        using (var first = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("one"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("two"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        Assert.Equal("Bearer app-token-2", _factory.Cloud.ConnectorRequests.Last().Authorization);
    }

    [Fact]
    public async Task Reply_429WithRetryAfter_WaitsThenSucceeds()
    {
        _factory.Cloud.ScriptConnector(() => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, retryAfter: "2"));

        var post = _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());
        await _factory.Cloud.WaitForConnectorRequestsAsync(1);
        var firstAttemptAt = _factory.Time.GetUtcNow();
        for (var i = 0; i < 300 && _factory.Cloud.ConnectorRequests.Count < 2; i++)
        {
            _factory.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }

        var waited = _factory.Time.GetUtcNow() - firstAttemptAt;
        using var response = await post.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waited >= TimeSpan.FromSeconds(2), $"Retried after {waited} of fake time; Retry-After asked for 2 s.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _factory.Cloud.ConnectorRequests.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(calls[0].Uri, calls[1].Uri);
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.Equal("echo: hello", calls[1].Activity.Text);
    }

    [Fact]
    public async Task Reply_ConnectorKeepsFailing_RetriesAreBoundedAndTurnStillAnswers200()
    {
        for (var i = 0; i < 10; i++)
        {
            _factory.Cloud.ScriptConnector(() => BotFrameworkFakeCloud.Status(HttpStatusCode.ServiceUnavailable));
        }

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // MaxRetries = 2: three attempts for the reply, then three for the apology the error handler sends.
        var calls = _factory.Cloud.ConnectorRequests.ToArray();
        Assert.Equal(6, calls.Length);
        Assert.Equal("echo: hello", calls[2].Activity.Text);
        Assert.Equal(TurnErrorHandler.Apology, calls[3].Activity.Text);
    }

    [Fact]
    public async Task Reply_ConnectorAnswersBadRequest_IsNotRetried()
    {
        _factory.Cloud.ScriptConnector(() => BotFrameworkFakeCloud.Status(HttpStatusCode.BadRequest));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _factory.Cloud.ConnectorRequests.ToArray();
        Assert.Equal(2, calls.Length); // The reply once, then the apology.
        Assert.Equal(TurnErrorHandler.Apology, calls[1].Activity.Text);
    }

    [Fact]
    public async Task Reply_SendActivity_ReturnsTheConnectorsResourceId()
    {
        string? id = null;
        _factory.Bot.OnTurn = async (turn, ct) => id = (await turn.SendActivityAsync("ok", ct)).Id;

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reply-1", id);
    }

    [Fact]
    public async Task Reply_ActivityWithoutReplyToId_IsSentToTheConversation()
    {
        _factory.Bot.OnTurn = (turn, ct) => turn.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "fresh thread",
            ChannelId = turn.Activity.ChannelId,
            ServiceUrl = turn.Activity.ServiceUrl,
            Conversation = turn.Activity.Conversation,
            From = turn.Activity.Recipient,
            Recipient = turn.Activity.From,
        }, ct);

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_factory.Cloud.ConnectorRequests);
        Assert.Equal($"https://smba.connector.test/amer/v3/conversations/{EncodedConversation}/activities", call.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Reply_TraceActivity_IsNotSentOutsideTheEmulator()
    {
        _factory.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "debug", Label = "state" }, ct);
            await turn.SendActivityAsync("visible", ct);
        };

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("visible", Assert.Single(_factory.Cloud.ConnectorRequests).Activity.Text);
    }

    [Fact]
    public async Task Reply_ExpectRepliesDeliveryMode_ReturnsRepliesInTheHttpResponse()
    {
        _factory.Bot.OnTurn = async (turn, ct) =>
        {
            await turn.SendActivityAsync("first", ct);
            await turn.SendActivityAsync("second", ct);
        };
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["deliveryMode"] = "expectReplies";

        using var response = await _factory.PostActivityAsync(activity, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToArray();
        Assert.Equal(new[] { "first", "second" }, texts);
        Assert.Empty(_factory.Cloud.ConnectorRequests);
    }

    [Fact]
    public async Task Reply_LoopbackHttpServiceUrl_IsAllowedForLocalTools()
    {
        using var factory = BotFrameworkTestFactory.Anonymous();
        var activity = BotFrameworkTestFactory.TeamsMessage(serviceUrl: "http://localhost:56150/_connector");

        using var response = await factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(factory.Cloud.ConnectorRequests);
        Assert.Equal($"http://localhost:56150/_connector/v3/conversations/{EncodedConversation}/activities/act-1", call.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ContinueConversation_Proactive_PostsToReferenceServiceUrlWithToken()
    {
        using var client = _factory.CreateClient(); // Starts the host.
        var adapter = _factory.Services.GetRequiredService<BotFrameworkAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.connector.test/emea/",
            Conversation = new ConversationAccount("a:1personal-chat"),
            Bot = new ChannelAccount("28:" + BotFrameworkFakeCloud.AppId, "Helpdesk"),
            User = new ChannelAccount("29:user-1", "Ada"),
        };
        Activity? incoming = null;

        await adapter.ContinueConversationAsync(reference, async (turn, ct) =>
        {
            incoming = turn.Activity;
            await turn.SendActivityAsync("Your ticket INC-42 was resolved.", ct);
        }, CancellationToken.None);

        Assert.Equal(ActivityTypes.Event, incoming?.Type);
        Assert.Equal("ContinueConversation", incoming?.Name);
        var call = Assert.Single(_factory.Cloud.ConnectorRequests);
        Assert.Equal("https://smba.connector.test/emea/v3/conversations/a%3A1personal-chat/activities", call.Uri.AbsoluteUri);
        Assert.Equal("Bearer app-token-1", call.Authorization);
        Assert.Equal("29:user-1", call.Activity.Recipient?.Id);
        Assert.Equal("28:" + BotFrameworkFakeCloud.AppId, call.Activity.From?.Id);
    }

    [Fact]
    public async Task ContinueConversation_PlainHttpRemoteServiceUrl_IsRefused()
    {
        using var client = _factory.CreateClient();
        var adapter = _factory.Services.GetRequiredService<BotFrameworkAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "http://connector.example.test/",
            Conversation = new ConversationAccount("a:1"),
        };

        await Assert.ThrowsAsync<ArgumentException>(() =>
            adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("x", ct), CancellationToken.None));
        Assert.Empty(_factory.Cloud.ConnectorRequests);
    }

    [Fact]
    public async Task Logs_NeverContainTokensSecretsOrMessageText()
    {
        var inboundToken = Token();
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("my password is hunter2"), inboundToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_factory.Logs.Lines);
        Assert.False(_factory.Logs.Contains(inboundToken.Split('.')[2]), "inbound token signature logged");
        Assert.False(_factory.Logs.Contains("app-token-1"), "app token logged");
        Assert.False(_factory.Logs.Contains(BotFrameworkFakeCloud.AppPassword), "app password logged");
        Assert.False(_factory.Logs.Contains("hunter2"), "message text logged");
    }

    private string Token()
    {
        var now = _factory.Time.GetUtcNow();
        return _key.CreateToken("https://api.botframework.com", BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));
    }
}

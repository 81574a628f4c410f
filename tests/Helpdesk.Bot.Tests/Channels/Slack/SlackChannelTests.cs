using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.Slack;

/// <summary>
/// The real host and helpdesk bot behind <c>/api/slack/*</c>, spoken to with signed requests as Slack sends them; the
/// replies are checked as the Slack Web API (a local recorder) receives them.
/// </summary>
public sealed class SlackChannelTests : IAsyncLifetime
{
    private SlackApiRecorder _recorder = null!;
    private SlackTestFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _recorder = await SlackApiRecorder.StartAsync();
        _factory = new SlackTestFactory(_recorder);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _recorder.DisposeAsync();
    }

    [Fact]
    public async Task Events_UrlVerification_AnswersTheChallenge()
    {
        using var response = await _factory.PostEventAsync(new JsonObject { ["token"] = "t", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Events_DirectMessageHi_WelcomeAndMenuPostedWithBotToken()
    {
        using var response = await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("hi")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _recorder.WaitForCallsAsync(2);
        Assert.All(calls, c =>
        {
            Assert.Equal("chat.postMessage", c.Method);
            Assert.Equal("Bearer " + SlackTestFactory.BotToken, c.Authorization);
            Assert.StartsWith("application/json", c.ContentType, StringComparison.Ordinal);
            Assert.Equal("D0DM0001", c.Channel);
            Assert.Null(c.ThreadTs); // a direct message is one conversation, answered in place
        });
        Assert.Contains("Hi Alex! I'm the Contoso IT help assistant", calls[0].Text, StringComparison.Ordinal); // name from users.info
        Assert.Equal(MainMenu.Choices.Select(c => c.Value), calls[1].ButtonLabels);
        Assert.Equal(["U0USER1"], _recorder.UserLookups);
    }

    [Fact]
    public async Task Events_UserNameLookupFails_GreetsWithoutNameAndCachesTheMiss()
    {
        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("hi", user: "U0GHOST"), "Ev1")))
        {
        }

        var calls = await _recorder.WaitForCallsAsync(2);
        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("agent", ts: "1772442001.000100", user: "U0GHOST"), "Ev2")))
        {
        }

        await _recorder.WaitForCallsAsync(3);
        Assert.StartsWith("Hi! I'm the Contoso IT help assistant", calls[0].Text, StringComparison.Ordinal);
        Assert.Equal(["U0GHOST"], _recorder.UserLookups); // looked up once
    }

    [Fact]
    public async Task Events_MentionInChannel_AnsweredInTheThreadOfTheMention()
    {
        using var response = await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.Mention("talk to a person")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _recorder.WaitForCallsAsync(2);
        Assert.All(calls, c => Assert.Equal("1772442100.000200", c.ThreadTs));
        Assert.Contains("get you to a person", calls[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_ReplyInTheBotsThreadWithoutMention_ContinuesTheDialog()
    {
        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.Mention("fix a problem"), "Ev1")))
        {
        }

        var prompt = (await _recorder.WaitForCallsAsync(2))[1];
        Assert.Equal("What kind of problem is it?", prompt.Text);
        var reply = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "C0HELP001",
            ["channel_type"] = "channel",
            ["user"] = "U0USER1",
            ["text"] = "printer",
            ["ts"] = "1772442400.000700",
            ["thread_ts"] = "1772442100.000200",
            ["team"] = SlackTestFactory.TeamId,
        };
        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(reply, "Ev2")))
        {
        }

        var answer = (await _recorder.WaitForCallsAsync(3))[2];
        Assert.Contains("I'll take you through the same checks a technician would", answer.Text, StringComparison.Ordinal);
        Assert.Equal("1772442100.000200", answer.ThreadTs);
    }

    [Fact]
    public async Task Events_SlackRetriesTheSameEvent_AnsweredOnce()
    {
        var envelope = SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("agent"), "Ev0042");
        using (await _factory.PostEventAsync(envelope))
        {
        }

        await _recorder.WaitForCallsAsync(2);
        using var retry = await _factory.PostEventAsync(envelope, new Dictionary<string, string> { [SlackProtocol.RetryNumHeader] = "1", [SlackProtocol.RetryReasonHeader] = "http_timeout" });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await Task.Delay(500);
        Assert.Equal(2, _recorder.Calls.Count);
    }

    [Fact]
    public async Task Events_TheBotsOwnMessage_Ignored()
    {
        var own = SlackTestFactory.DirectMessage("What can I help you with?");
        own["bot_id"] = "B0BOT";
        own["user"] = SlackTestFactory.BotUserId;

        using var response = await _factory.PostEventAsync(SlackTestFactory.EventCallback(own));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_recorder.Calls);
    }

    [Theory]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000", 0)]
    [InlineData(null, -301)]
    public async Task Events_BadSignatureOrStaleTimestamp_401WithoutProcessing(string? signature, int secondsOld)
    {
        var body = SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("hi")).ToJsonString();
        var timestamp = _factory.Time.GetUtcNow().AddSeconds(secondsOld).ToUnixTimeSeconds();

        using var response = await _factory.PostSignedAsync(SlackProtocol.EventsRoute, body, "application/json", signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(300);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task Events_SignedButNotJson_400ProblemDetails()
    {
        using var response = await _factory.PostSignedAsync(SlackProtocol.EventsRoute, "{not json", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Interactive_ClickOnAMenuButton_ButtonsReplacedAndDialogContinues()
    {
        var click = SlackActivityMapperTests.Interaction("imBack:3", "Fix a problem");

        using var response = await _factory.PostInteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _recorder.WaitForCallsAsync(3); // update, welcome (first contact), prompt
        var update = calls.Single(c => c.Method == "chat.update");
        Assert.Equal("1772442101.000300", (string?)update.Body["ts"]);
        Assert.Equal("C0HELP001", update.Channel);
        Assert.DoesNotContain(update.Blocks, b => (string?)b!["type"] == "actions");
        var context = update.Blocks.Single(b => (string?)b!["type"] == "context")!;
        Assert.Equal("✓ <@U0USER1> chose *Fix a problem*", (string?)context["elements"]![0]!["text"]);
        var prompt = calls.Last(c => c.Method == "chat.postMessage");
        Assert.Equal("What kind of problem is it?", prompt.Text);
        Assert.Equal("1772442100.000200", prompt.ThreadTs);
        Assert.Contains("Printer", prompt.ButtonLabels);
    }

    [Fact]
    public async Task Interactive_WithoutPayload_400()
    {
        using var response = await _factory.PostSignedAsync(SlackProtocol.InteractiveRoute, "foo=bar", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WebApi_RateLimited_WaitsForRetryAfterThenPosts()
    {
        _recorder.ThenRateLimited(2);

        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("agent"))))
        {
        }

        await _recorder.WaitForCallsAsync(1);
        await Task.Delay(200);
        Assert.Single(_recorder.Calls); // waiting for Retry-After on the bot's clock
        _factory.Time.Advance(TimeSpan.FromSeconds(2));
        var calls = await _recorder.WaitForCallsAsync(3);
        Assert.Equal(calls[0].Body.ToJsonString(), calls[1].Body.ToJsonString());
        Assert.Contains("IT help assistant", calls[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebApi_InvalidBlocks_ResentAsTextOnly()
    {
        _recorder.ThenError("invalid_blocks");

        using (await _factory.PostEventAsync(SlackTestFactory.EventCallback(SlackTestFactory.DirectMessage("hi"))))
        {
        }

        var calls = await _recorder.WaitForCallsAsync(3);
        Assert.NotEmpty(calls[0].Blocks);
        Assert.Null(calls[1].Body["blocks"]);
        Assert.Equal(calls[0].Text, calls[1].Text);
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

public sealed class TurnContextTests
{
    private readonly RecordingAdapter _adapter = new();

    private TurnContext NewContext(Activity? incoming = null) => new(_adapter, incoming ?? RecordingAdapter.Message("hi"));

    [Fact]
    public async Task SendActivityAsync_Text_IsAddressedAsAReplyToTheIncomingActivity()
    {
        var incoming = RecordingAdapter.Message("hi", "conv-7", "user-7");
        var context = NewContext(incoming);

        var response = await context.SendActivityAsync("hello");

        var sent = Assert.Single(_adapter.Sent);
        Assert.Equal("sent-1", response.Id);
        Assert.Equal(ActivityTypes.Message, sent.Type);
        Assert.Equal("hello", sent.Text);
        Assert.Equal(incoming.Id, sent.ReplyToId);
        Assert.Equal("conv-7", sent.Conversation!.Id);
        Assert.Equal("bot", sent.From!.Id);
        Assert.Equal("user-7", sent.Recipient!.Id);
        Assert.Equal(incoming.ServiceUrl, sent.ServiceUrl);
        Assert.Equal(incoming.ChannelId, sent.ChannelId);
        Assert.Equal("en-US", sent.Locale);
    }

    [Fact]
    public async Task SendActivityAsync_AlreadyAddressed_IsLeftAsIs()
    {
        var context = NewContext();
        var activity = new Activity { Type = ActivityTypes.Message, Text = "elsewhere", Conversation = new ConversationAccount("other-conv") };

        await context.SendActivityAsync(activity);

        var sent = Assert.Single(_adapter.Sent);
        Assert.Equal("other-conv", sent.Conversation!.Id);
        Assert.Null(sent.ReplyToId);
        Assert.Null(sent.From);
    }

    [Fact]
    public async Task SendActivityAsync_NoType_SendsAMessage()
    {
        await NewContext().SendActivityAsync(new Activity { Text = "typeless" });

        Assert.Equal(ActivityTypes.Message, Assert.Single(_adapter.Sent).Type);
    }

    [Fact]
    public async Task SendActivitiesAsync_Empty_SendsNothing()
    {
        var context = NewContext();

        var responses = await context.SendActivitiesAsync([]);

        Assert.Empty(responses);
        Assert.Empty(_adapter.Batches);
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task SendActivitiesAsync_Several_AreDeliveredInOneBatchInOrder()
    {
        var context = NewContext();

        var responses = await context.SendActivitiesAsync([Activity.CreateMessage("1"), new Activity { Type = ActivityTypes.Typing }, Activity.CreateMessage("2")]);

        Assert.Equal(["sent-1", "sent-2", "sent-3"], responses.Select(r => r.Id));
        var batch = Assert.Single(_adapter.Batches);
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Message], batch.Select(a => a.Type));
    }

    [Fact]
    public async Task OnSendActivities_SeveralHooks_RunInRegistrationOrderAroundDelivery()
    {
        var log = new ConcurrentQueue<string>();
        var context = NewContext();
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            log.Enqueue("first:before");
            var responses = await next();
            log.Enqueue("first:after");
            return responses;
        });
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            log.Enqueue($"second:before:{_adapter.Sent.Count}");
            var responses = await next();
            log.Enqueue($"second:after:{_adapter.Sent.Count}");
            return responses;
        });

        await context.SendActivityAsync("hello");

        Assert.Equal(["first:before", "second:before:0", "second:after:1", "first:after"], log);
    }

    [Fact]
    public async Task OnSendActivities_HookChangesActivities_TheChangedActivitiesAreDelivered()
    {
        var context = NewContext();
        Activity? seenByHook = null;
        context.OnSendActivities((ctx, activities, next) =>
        {
            seenByHook = activities[0];
            foreach (var activity in activities)
            {
                activity.Text = activity.Text?.Replace("P@ssw0rd!", "[redacted]", StringComparison.Ordinal);
            }

            return next();
        });

        await context.SendActivityAsync("Your temporary password is P@ssw0rd!");

        Assert.Equal("Your temporary password is [redacted]", Assert.Single(_adapter.Sent).Text);
        Assert.NotNull(seenByHook!.Conversation);
    }

    [Fact]
    public async Task OnSendActivities_HookSkipsNext_NothingIsDeliveredAndNotResponded()
    {
        var context = NewContext();
        var called = 0;
        context.OnSendActivities((ctx, activities, next) => Task.FromResult<ResourceResponse[]>([new ResourceResponse("suppressed")]));
        context.OnSendActivities((ctx, activities, next) =>
        {
            called++;
            return next();
        });

        var response = await context.SendActivityAsync("secret");

        Assert.Equal("suppressed", response.Id);
        Assert.Empty(_adapter.Sent);
        Assert.Equal(0, called);
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task OnSendActivities_Hook_RunsForEverySend()
    {
        var context = NewContext();
        var calls = 0;
        context.OnSendActivities((ctx, activities, next) =>
        {
            calls++;
            return next();
        });

        await context.SendActivityAsync("one");
        await context.SendActivitiesAsync([Activity.CreateMessage("two"), Activity.CreateMessage("three")]);

        Assert.Equal(2, calls);
        Assert.Equal(3, _adapter.Sent.Count);
    }

    [Fact]
    public async Task Responded_TraceOnly_StaysFalse_ThenMessage_BecomesTrue()
    {
        var context = NewContext();
        Assert.False(context.Responded);

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "debug" });
        Assert.False(context.Responded);

        await context.SendActivityAsync("hi");
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task SendActivityAsync_InvokeResponse_IsCapturedAndNotDelivered()
    {
        var context = NewContext(new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Id = "inv-1", Conversation = new ConversationAccount("c") });
        var body = new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Approved" };

        var response = await context.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = new InvokeResponse(200, body) });

        Assert.Empty(_adapter.Batches);
        Assert.Null(response.Id);
        Assert.Equal(200, context.InvokeResponse!.Status);
        Assert.Same(body, context.InvokeResponse.Body);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task SendActivityAsync_InvokeResponseValueAsJson_IsConverted()
    {
        var context = NewContext();
        using var value = JsonDocument.Parse("""{"status":201,"body":{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}}""");

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = value.RootElement.Clone() });

        Assert.Equal(201, context.InvokeResponse!.Status);
        var body = Assert.IsType<JsonElement>(context.InvokeResponse.Body);
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
    }

    [Fact]
    public async Task SendActivityAsync_InvokeResponseWithoutValue_Is200()
    {
        var context = NewContext();

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse });

        Assert.Equal(new InvokeResponse(200), context.InvokeResponse);
    }

    [Fact]
    public async Task SendActivitiesAsync_InvokeResponseAmongMessages_OnlyMessagesDeliveredAndResponsesStayAligned()
    {
        var context = NewContext();

        var responses = await context.SendActivitiesAsync(
            [Activity.CreateMessage("first"), new Activity { Type = ActivityTypes.InvokeResponse, Value = new InvokeResponse(200) }, Activity.CreateMessage("second")]);

        Assert.Equal(["first", "second"], _adapter.Sent.Select(a => a.Text));
        Assert.Equal(["sent-1", null, "sent-2"], responses.Select(r => r.Id));
        Assert.Equal(200, context.InvokeResponse!.Status);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new TurnContext(null!, new Activity()));
        Assert.Throws<ArgumentNullException>(() => new TurnContext(_adapter, null!));
    }
}

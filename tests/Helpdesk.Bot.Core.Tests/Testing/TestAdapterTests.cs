using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.Testing;

public sealed class TestAdapterTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Fact]
    public async Task ProcessActivityAsync_BareMessage_FillsChannelConversationAccountsIdAndTime()
    {
        var time = new FakeTimeProvider(Start);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("c-42", "alice", "helpdesk"), time);
        Activity? seen = null;

        await adapter.ProcessActivityAsync(new Activity { Text = "hi" }, (ctx, _) =>
        {
            seen = ctx.Activity;
            return Task.CompletedTask;
        });

        Assert.NotNull(seen);
        Assert.Equal(ActivityTypes.Message, seen.Type);
        Assert.Equal(ChannelIds.Test, seen.ChannelId);
        Assert.Equal("c-42", seen.Conversation?.Id);
        Assert.Equal("alice", seen.From?.Id);
        Assert.Equal(RoleTypes.User, seen.From?.Role);
        Assert.Equal("helpdesk", seen.Recipient?.Id);
        Assert.Equal(TestAdapter.ServiceUrl, seen.ServiceUrl);
        Assert.Equal("1", seen.Id);
        Assert.Equal(Start, seen.Timestamp);
        Assert.Equal(Start, seen.LocalTimestamp);
    }

    [Fact]
    public async Task ProcessActivityAsync_SeveralTurns_IdsIncreaseAndClockIsRead()
    {
        var time = new FakeTimeProvider(Start);
        var adapter = new TestAdapter(timeProvider: time);
        var seen = new List<Activity>();
        BotCallbackHandler bot = (ctx, _) =>
        {
            seen.Add(ctx.Activity);
            return Task.CompletedTask;
        };

        await adapter.SendTextToBotAsync("one", bot);
        time.Advance(TimeSpan.FromMinutes(5));
        await adapter.SendTextToBotAsync("two", bot);

        Assert.Equal(["1", "2"], seen.Select(a => a.Id));
        Assert.Equal(Start.AddMinutes(5), seen[1].Timestamp);
    }

    [Fact]
    public async Task ProcessActivityAsync_ActivityWithOwnFields_KeepsThem()
    {
        var adapter = new TestAdapter();
        Activity? seen = null;
        var activity = new Activity { Type = ActivityTypes.Event, Name = "webchat/join", From = new ChannelAccount("other"), Id = "custom" };

        await adapter.ProcessActivityAsync(activity, (ctx, _) =>
        {
            seen = ctx.Activity;
            return Task.CompletedTask;
        });

        Assert.Equal(ActivityTypes.Event, seen?.Type);
        Assert.Equal("other", seen?.From?.Id);
        Assert.Equal("custom", seen?.Id);
        Assert.Equal(ChannelIds.Test, seen?.ChannelId);
    }

    [Fact]
    public async Task SendActivitiesAsync_BotReplies_QueuedInOrderAddressedToUser()
    {
        var adapter = new TestAdapter();

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            await ctx.SendActivityAsync("first", ct);
            await ctx.SendActivitiesAsync([MessageFactory.Text("second"), new Activity { Type = ActivityTypes.Typing }], ct);
        });

        var replies = adapter.TakeReplies();
        Assert.Equal(["first", "second", null], replies.Select(r => r.Text));
        Assert.Equal(ActivityTypes.Typing, replies[2].Type);
        Assert.All(replies, r =>
        {
            Assert.Equal("user1", r.Recipient?.Id);
            Assert.Equal("bot", r.From?.Id);
            Assert.Equal("conversation1", r.Conversation?.Id);
            Assert.False(string.IsNullOrEmpty(r.Id));
        });
        Assert.Equal(0, adapter.PendingReplyCount);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task ProcessActivityAsync_WithMiddleware_RunsMiddlewareAroundBot()
    {
        var adapter = new TestAdapter();
        var order = new List<string>();
        adapter.Use(new RecordingMiddleware(order));

        await adapter.SendTextToBotAsync("hi", (_, _) =>
        {
            order.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["before", "bot", "after"], order);
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrowsWithErrorHandler_HandlerReplies()
    {
        var adapter = new TestAdapter { OnTurnError = (ctx, ex) => ctx.SendActivityAsync($"Sorry: {ex.Message}") };

        await adapter.SendTextToBotAsync("hi", (_, _) => throw new InvalidOperationException("boom"));

        Assert.Equal("Sorry: boom", adapter.GetNextReply()?.Text);
    }

    private sealed class RecordingMiddleware(List<string> order) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            order.Add("before");
            await next(cancellationToken);
            order.Add("after");
        }
    }
}

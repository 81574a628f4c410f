using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.Turns;

public sealed class ShowTypingMiddlewareTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task OnTurnAsync_FastTurn_SendsNoTyping()
    {
        var adapter = new TestAdapter(timeProvider: _time);
        adapter.Use(new ShowTypingMiddleware(_time));

        await adapter.SendTextToBotAsync("hi", (ctx, ct) => ctx.SendActivityAsync("hello", ct));

        var replies = adapter.TakeReplies();
        Assert.Equal([ActivityTypes.Message], replies.Select(r => r.Type));
    }

    [Fact]
    public async Task OnTurnAsync_SlowTurn_SendsTypingUntilTheReplyAndNeverAfter()
    {
        var adapter = new TestAdapter(timeProvider: _time);
        adapter.Use(new ShowTypingMiddleware(_time, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var turn = adapter.SendTextToBotAsync("slow question", async (ctx, ct) =>
        {
            await release.Task;
            await ctx.SendActivityAsync("answer", ct);
        });

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, adapter.PendingReplyCount);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForRepliesAsync(adapter, 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await WaitForRepliesAsync(adapter, 2);

        release.SetResult();
        await turn;
        _time.Advance(TimeSpan.FromSeconds(10));

        var replies = adapter.TakeReplies();
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message], replies.Select(r => r.Type));
        Assert.All(replies, r => Assert.Equal("conversation1", r.Conversation?.Id));
    }

    [Fact]
    public async Task OnTurnAsync_NonMessageActivity_PassesThroughWithoutTyping()
    {
        var adapter = new TestAdapter(timeProvider: _time);
        adapter.Use(new ShowTypingMiddleware(_time));
        var ran = false;

        await adapter.ProcessActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "ping" }, (ctx, ct) =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.Equal(0, adapter.PendingReplyCount);
    }

    [Fact]
    public void Constructor_NegativeDelay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShowTypingMiddleware(_time, TimeSpan.FromSeconds(-1)));
    }

    private static async Task WaitForRepliesAsync(TestAdapter adapter, int count)
    {
        // The typing send runs on a timer continuation; wait (bounded) for it to land.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (adapter.PendingReplyCount < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}

using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

/// <summary>
/// Turns of one conversation run one at a time; other conversations are not held up. The tests block turns on
/// TaskCompletionSources and only ever wait on those (with a timeout so a bug fails instead of hanging).
/// </summary>
public sealed class ConversationTurnLockMiddlewareTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConversationTurnLockMiddleware _lock = new();
    private readonly RecordingAdapter _adapter = new();
    private readonly ConcurrentQueue<string> _log = new();

    public ConversationTurnLockMiddlewareTests() => _adapter.Use(_lock);

    [Fact]
    public async Task OnTurnAsync_TwoTurnsOfOneConversation_SecondStartsOnlyAfterFirstEnds()
    {
        var firstEntered = NewSignal();
        var releaseFirst = NewSignal();
        var secondEntered = NewSignal();

        var first = _adapter.ProcessAsync(RecordingAdapter.Message("one", "conv-a"), Bot("first", firstEntered, releaseFirst.Task));
        await firstEntered.Task.WaitAsync(Timeout);
        var second = _adapter.ProcessAsync(RecordingAdapter.Message("two", "conv-a"), Bot("second", secondEntered, Task.CompletedTask));

        // The pipeline runs synchronously up to the first await: had the lock let the second turn in, its bot
        // would already have signalled. It has not, so it is waiting on the lock.
        Assert.False(secondEntered.Task.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, _lock.ActiveConversations);

        releaseFirst.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Timeout);

        Assert.Equal(["first:start", "first:end", "second:start", "second:end"], _log);
        Assert.Equal(0, _lock.ActiveConversations);
    }

    [Fact]
    public async Task OnTurnAsync_ManyTurnsOfOneConversation_NeverOverlap()
    {
        var inside = 0;
        var maxInside = 0;
        var gate = NewSignal();
        BotCallbackHandler bot = async (ctx, ct) =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await gate.Task;
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        };

        var turns = Enumerable.Range(0, 20).Select(i => Task.Run(() => _adapter.ProcessAsync(RecordingAdapter.Message($"m{i}", "conv-a"), bot))).ToArray();
        gate.SetResult();
        await Task.WhenAll(turns).WaitAsync(Timeout);

        Assert.Equal(1, maxInside);
        Assert.Equal(0, _lock.ActiveConversations);
    }

    [Fact]
    public async Task OnTurnAsync_TwoConversations_RunInParallel()
    {
        var firstEntered = NewSignal();
        var releaseFirst = NewSignal();
        var secondEntered = NewSignal();
        var releaseSecond = NewSignal();

        var first = _adapter.ProcessAsync(RecordingAdapter.Message("one", "conv-a"), Bot("a", firstEntered, releaseFirst.Task));
        await firstEntered.Task.WaitAsync(Timeout);
        var second = _adapter.ProcessAsync(RecordingAdapter.Message("two", "conv-b"), Bot("b", secondEntered, releaseSecond.Task));

        // conv-b gets in while conv-a still holds its lock.
        await secondEntered.Task.WaitAsync(Timeout);
        Assert.False(first.IsCompleted);
        Assert.Equal(2, _lock.ActiveConversations);

        releaseSecond.SetResult();
        await second.WaitAsync(Timeout);
        Assert.False(first.IsCompleted);
        releaseFirst.SetResult();
        await first.WaitAsync(Timeout);

        Assert.Equal(["a:start", "b:start", "b:end", "a:end"], _log);
        Assert.Equal(0, _lock.ActiveConversations);
    }

    [Fact]
    public async Task OnTurnAsync_SameConversationIdOnOtherChannel_IsAnotherConversation()
    {
        var firstEntered = NewSignal();
        var releaseFirst = NewSignal();
        var secondEntered = NewSignal();
        var onOtherChannel = RecordingAdapter.Message("two", "conv-a");
        onOtherChannel.ChannelId = "webchat";

        var first = _adapter.ProcessAsync(RecordingAdapter.Message("one", "conv-a"), Bot("test", firstEntered, releaseFirst.Task));
        await firstEntered.Task.WaitAsync(Timeout);
        var second = _adapter.ProcessAsync(onOtherChannel, Bot("webchat", secondEntered, Task.CompletedTask));

        await second.WaitAsync(Timeout);
        releaseFirst.SetResult();
        await first.WaitAsync(Timeout);

        Assert.Equal(["test:start", "webchat:start", "webchat:end", "test:end"], _log);
    }

    [Fact]
    public async Task OnTurnAsync_WaitingTurnCancelled_ThrowsAndLeavesNoEntryBehind()
    {
        var firstEntered = NewSignal();
        var releaseFirst = NewSignal();
        var secondEntered = NewSignal();
        using var cancelSecond = new CancellationTokenSource();

        var first = _adapter.ProcessAsync(RecordingAdapter.Message("one", "conv-a"), Bot("first", firstEntered, releaseFirst.Task));
        await firstEntered.Task.WaitAsync(Timeout);
        var second = _adapter.ProcessAsync(RecordingAdapter.Message("two", "conv-a"), Bot("second", secondEntered, Task.CompletedTask), cancelSecond.Token);
        await cancelSecond.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Timeout));
        Assert.Equal(1, _lock.ActiveConversations);
        releaseFirst.SetResult();
        await first.WaitAsync(Timeout);

        Assert.False(secondEntered.Task.IsCompleted);
        Assert.Equal(0, _lock.ActiveConversations);
    }

    [Fact]
    public async Task OnTurnAsync_TurnThrows_ReleasesTheLockForTheNextTurn()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _adapter.ProcessAsync(RecordingAdapter.Message("one", "conv-a"), (ctx, ct) => throw new InvalidOperationException("boom")));
        var secondEntered = NewSignal();

        await _adapter.ProcessAsync(RecordingAdapter.Message("two", "conv-a"), Bot("second", secondEntered, Task.CompletedTask)).WaitAsync(Timeout);

        Assert.True(secondEntered.Task.IsCompleted);
        Assert.Equal(0, _lock.ActiveConversations);
    }

    [Fact]
    public async Task OnTurnAsync_ManyConversations_CleansUpEveryEntry()
    {
        var turns = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => _adapter.ProcessAsync(RecordingAdapter.Message("hi", $"conv-{i % 7}"), async (ctx, ct) => await Task.Yield())))
            .ToArray();

        await Task.WhenAll(turns).WaitAsync(Timeout);

        Assert.Equal(0, _lock.ActiveConversations);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private BotCallbackHandler Bot(string name, TaskCompletionSource entered, Task release) => async (ctx, ct) =>
    {
        _log.Enqueue($"{name}:start");
        entered.SetResult();
        await release;
        _log.Enqueue($"{name}:end");
    };

    [Fact]
    public async Task OnTurnAsync_ProactiveTurnForSameConversationFromInsideATurn_RunsInsteadOfDeadlocking()
    {
        var adapter = new RecordingAdapter();
        var lockMiddleware = new ConversationTurnLockMiddleware();
        adapter.Use(lockMiddleware);
        var message = RecordingAdapter.Message("hi", "conv-1");
        var innerRan = false;

        var turn = adapter.ProcessAsync(message, async (ctx, ct) =>
            await ctx.Adapter.ContinueConversationAsync(ctx.Activity.GetConversationReference(), (inner, ict) =>
            {
                innerRan = true;
                return Task.CompletedTask;
            }, ct));

        await turn.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(innerRan);
        Assert.Equal(0, lockMiddleware.ActiveConversations);
    }
}

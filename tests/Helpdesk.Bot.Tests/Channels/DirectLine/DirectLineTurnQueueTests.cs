using Helpdesk.Bot.Channels.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineTurnQueueTests
{
    [Fact]
    public async Task Enqueue_SameConversation_RunsOneAfterAnotherInOrder()
    {
        using var queue = new DirectLineTurnQueue(NullLogger<DirectLineTurnQueue>.Instance);
        var order = new List<int>();
        var release = new TaskCompletionSource();

        var first = queue.Enqueue("c", async _ => { await release.Task; lock (order) { order.Add(1); } });
        var second = queue.Enqueue("c", _ => { lock (order) { order.Add(2); } return Task.CompletedTask; });
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task Enqueue_OtherConversation_IsNotBlocked()
    {
        using var queue = new DirectLineTurnQueue(NullLogger<DirectLineTurnQueue>.Instance);
        var release = new TaskCompletionSource();
        var blocked = queue.Enqueue("a", _ => release.Task);

        await queue.Enqueue("b", _ => Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(blocked.IsCompleted);
        release.SetResult();
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Enqueue_FailingTurn_DoesNotStopTheNext()
    {
        using var queue = new DirectLineTurnQueue(NullLogger<DirectLineTurnQueue>.Instance);
        var ran = false;

        _ = queue.Enqueue("c", _ => throw new InvalidOperationException("boom"));
        await queue.Enqueue("c", _ => { ran = true; return Task.CompletedTask; }).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(ran);
    }

    [Fact]
    public async Task StopAsync_WaitsForQueuedTurns()
    {
        using var queue = new DirectLineTurnQueue(NullLogger<DirectLineTurnQueue>.Instance);
        var release = new TaskCompletionSource();
        var finished = false;
        _ = queue.Enqueue("c", async _ => { await release.Task; finished = true; });

        var stop = queue.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(finished);
    }
}

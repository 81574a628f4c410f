using System.Collections.Concurrent;
using System.Net;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>An HTTP handler that answers from a script (unit tests of HTTP pipelines); records each call.</summary>
internal sealed class BotFrameworkScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, Task<HttpResponseMessage>>?> _script = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>What to answer once the script is used up.</summary>
    public Func<HttpRequestMessage, Task<HttpResponseMessage>> Fallback { get; set; } =
        _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    public BotFrameworkScriptedHandler Then(Func<HttpResponseMessage> response)
    {
        _script.Enqueue(_ => Task.FromResult(response()));
        return this;
    }

    public BotFrameworkScriptedHandler Then(Func<HttpRequestMessage, Task<HttpResponseMessage>> response)
    {
        _script.Enqueue(response);
        return this;
    }

    /// <summary>The next call never answers; it ends only when its cancellation token fires (a hung server).</summary>
    public BotFrameworkScriptedHandler ThenHang()
    {
        _script.Enqueue(null!);
        return this;
    }

    /// <summary>Polls until <paramref name="count"/> calls arrived (for code that waits on a fake clock in between).</summary>
    public async Task WaitForCallsAsync(int count)
    {
        for (var i = 0; i < 500 && Calls < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(Calls >= count, $"Expected {count} calls, saw {Calls}.");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        if (!_script.TryDequeue(out var next))
        {
            return await Fallback(request);
        }

        if (next is null)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new System.Diagnostics.UnreachableException();
        }

        return await next(request);
    }
}

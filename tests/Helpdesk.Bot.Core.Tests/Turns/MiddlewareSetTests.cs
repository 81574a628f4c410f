using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

public sealed class MiddlewareSetTests
{
    [Fact]
    public async Task ProcessAsync_SeveralMiddleware_RunInOrderAroundTheBot()
    {
        var log = new ConcurrentQueue<string>();
        var adapter = new RecordingAdapter();
        adapter.Use(new LoggingMiddleware("A", log)).Use(new LoggingMiddleware("B", log)).Use(new LoggingMiddleware("C", log));

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) =>
        {
            log.Enqueue("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["A:before", "B:before", "C:before", "bot", "C:after", "B:after", "A:after"], log);
        Assert.Equal(3, adapter.Middleware.Items.Count);
    }

    [Fact]
    public async Task ProcessAsync_MiddlewareSkipsNext_EndsTheTurnWithoutLaterMiddlewareOrBot()
    {
        var log = new ConcurrentQueue<string>();
        var adapter = new RecordingAdapter();
        adapter.Use(new LoggingMiddleware("A", log)).Use(new LoggingMiddleware("B", log, callNext: false)).Use(new LoggingMiddleware("C", log));

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) =>
        {
            log.Enqueue("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["A:before", "B:before", "B:after", "A:after"], log);
    }

    [Fact]
    public async Task ReceiveActivityAsync_NoCallback_RunsMiddlewareOnly()
    {
        var log = new ConcurrentQueue<string>();
        var set = new MiddlewareSet().Use(new LoggingMiddleware("A", log));
        var context = new TurnContext(new RecordingAdapter(), RecordingAdapter.Message("hi"));

        await set.ReceiveActivityAsync(context, null, CancellationToken.None);

        Assert.Equal(["A:before", "A:after"], log);
    }

    [Fact]
    public async Task OnTurnAsync_SetNestedAsMiddleware_RunsItsItemsThenContinues()
    {
        var log = new ConcurrentQueue<string>();
        var inner = new MiddlewareSet().Use(new LoggingMiddleware("inner1", log)).Use(new LoggingMiddleware("inner2", log));
        var adapter = new RecordingAdapter();
        adapter.Use(new LoggingMiddleware("outer", log)).Use(inner);

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) =>
        {
            log.Enqueue("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["outer:before", "inner1:before", "inner2:before", "bot", "inner2:after", "inner1:after", "outer:after"], log);
    }

    [Fact]
    public async Task ProcessAsync_TurnState_IsSharedFromMiddlewareToBot()
    {
        var adapter = new RecordingAdapter();
        adapter.Use(new TurnStateMiddleware());
        object? seen = null;

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) =>
        {
            seen = ctx.TurnState["marker"];
            return Task.CompletedTask;
        });

        Assert.Equal("set-by-middleware", seen);
    }

    [Fact]
    public void Use_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new MiddlewareSet().Use(null!));
    }

    private sealed class TurnStateMiddleware : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            turnContext.TurnState["marker"] = "set-by-middleware";
            return next(cancellationToken);
        }
    }
}

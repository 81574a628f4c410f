using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

public sealed class BotAdapterTests
{
    [Fact]
    public async Task ProcessAsync_BotThrows_OnTurnErrorGetsTheTurnAndTheException()
    {
        var adapter = new RecordingAdapter();
        ITurnContext? errorContext = null;
        Exception? error = null;
        adapter.OnTurnError = async (ctx, ex) =>
        {
            errorContext = ctx;
            error = ex;
            await ctx.SendActivityAsync("Sorry, something went wrong.");
        };
        var failure = new InvalidOperationException("boom");

        var context = await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => throw failure);

        Assert.Same(failure, error);
        Assert.Same(context, errorContext);
        Assert.Equal("Sorry, something went wrong.", Assert.Single(adapter.Sent).Text);
    }

    [Fact]
    public async Task ProcessAsync_MiddlewareThrows_OnTurnErrorIsInvoked()
    {
        var adapter = new RecordingAdapter();
        adapter.Use(new ThrowingMiddleware(new InvalidDataException("bad state")));
        var errors = new ConcurrentQueue<Exception>();
        adapter.OnTurnError = (ctx, ex) =>
        {
            errors.Enqueue(ex);
            return Task.CompletedTask;
        };
        var botRan = false;

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) =>
        {
            botRan = true;
            return Task.CompletedTask;
        });

        Assert.IsType<InvalidDataException>(Assert.Single(errors));
        Assert.False(botRan);
    }

    [Fact]
    public async Task ProcessAsync_NoErrorHandler_ExceptionPropagates()
    {
        var adapter = new RecordingAdapter();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => throw new InvalidOperationException("boom")));
    }

    [Fact]
    public async Task ProcessAsync_Cancelled_PropagatesWithoutOnTurnError()
    {
        var adapter = new RecordingAdapter();
        var handled = false;
        adapter.OnTurnError = (ctx, ex) =>
        {
            handled = true;
            return Task.CompletedTask;
        };
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => Task.Delay(Timeout.Infinite, ct), cts.Token));

        Assert.False(handled);
    }

    [Fact]
    public async Task ProcessAsync_InternalTimeoutNotRequestedByCaller_GoesToOnTurnError()
    {
        var adapter = new RecordingAdapter();
        Exception? handled = null;
        adapter.OnTurnError = (ctx, ex) =>
        {
            handled = ex;
            return Task.CompletedTask;
        };

        await adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => throw new TaskCanceledException("HttpClient timed out"));

        Assert.IsType<TaskCanceledException>(handled);
    }

    [Fact]
    public async Task ContinueConversationAsync_Reference_RunsAProactiveTurnThroughTheMiddleware()
    {
        var adapter = new RecordingAdapter();
        var log = new ConcurrentQueue<string>();
        adapter.Use(new LoggingMiddleware("mw", log));
        var reference = RecordingAdapter.Message("hi", "conv-9", "user-9").GetConversationReference();
        Activity? incoming = null;

        await adapter.ContinueConversationAsync(reference, async (ctx, ct) =>
        {
            incoming = ctx.Activity;
            await ctx.SendActivityAsync("Your ticket was resolved.", ct);
        }, CancellationToken.None);

        Assert.Equal(["mw:before", "mw:after"], log);
        Assert.Equal(ActivityTypes.Event, incoming!.Type);
        Assert.Equal("ContinueConversation", incoming.Name);
        Assert.Same(reference, incoming.RelatesTo);
        var sent = Assert.Single(adapter.Sent);
        Assert.Equal("conv-9", sent.Conversation!.Id);
        Assert.Equal("user-9", sent.Recipient!.Id);
        Assert.Equal("bot", sent.From!.Id);
    }

    private sealed class ThrowingMiddleware(Exception exception) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => throw exception;
    }
}

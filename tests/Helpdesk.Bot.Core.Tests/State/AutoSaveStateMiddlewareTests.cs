using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Tests.Turns;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class AutoSaveStateMiddlewareTests
{
    private readonly CountingStorage _storage = new(new MemoryStorage());
    private readonly RecordingAdapter _adapter = new();
    private readonly ConversationState _conversation;
    private readonly UserState _user;
    private readonly IStatePropertyAccessor<int> _turns;
    private readonly IStatePropertyAccessor<string> _name;

    public AutoSaveStateMiddlewareTests()
    {
        _conversation = new ConversationState(_storage);
        _user = new UserState(_storage);
        _turns = _conversation.CreateProperty<int>("turns");
        _name = _user.CreateProperty<string>("name");
        _adapter.Use(new AutoSaveStateMiddleware(_conversation, _user));
    }

    [Fact]
    public async Task OnTurnAsync_TurnSucceeds_SavesEveryChangedState()
    {
        await _adapter.ProcessAsync(RecordingAdapter.Message("hi"), async (ctx, ct) =>
        {
            await _turns.SetAsync(ctx, 1, ct);
            await _name.SetAsync(ctx, "Ada", ct);
        });

        Assert.Equal(2, _storage.Writes);
        var next = RecordingAdapter.Message("again");
        await _adapter.ProcessAsync(next, async (ctx, ct) =>
        {
            Assert.Equal(1, await _turns.GetAsync(ctx, cancellationToken: ct));
            Assert.Equal("Ada", await _name.GetAsync(ctx, cancellationToken: ct));
        });
        Assert.Equal(2, _storage.Writes);
    }

    [Fact]
    public async Task OnTurnAsync_TurnThrows_SavesNothingAndKeepsThePreviousState()
    {
        await _adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => _turns.SetAsync(ctx, 1, ct));
        var writesBefore = _storage.Writes;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _adapter.ProcessAsync(RecordingAdapter.Message("boom"), async (ctx, ct) =>
        {
            await _turns.SetAsync(ctx, 99, ct);
            await _name.SetAsync(ctx, "half-done", ct);
            throw new InvalidOperationException("the bot failed mid-turn");
        }));

        Assert.Equal(writesBefore, _storage.Writes);
        await _adapter.ProcessAsync(RecordingAdapter.Message("check"), async (ctx, ct) =>
        {
            Assert.Equal(1, await _turns.GetAsync(ctx, cancellationToken: ct));
            Assert.Null(await _name.GetAsync(ctx, cancellationToken: ct));
        });
    }

    [Fact]
    public async Task OnTurnAsync_TurnThrowsAndErrorHandlerRuns_StillSavesNothing()
    {
        _adapter.OnTurnError = (ctx, ex) => ctx.SendActivityAsync("Sorry.");

        await _adapter.ProcessAsync(RecordingAdapter.Message("boom"), async (ctx, ct) =>
        {
            await _turns.SetAsync(ctx, 5, ct);
            throw new InvalidOperationException("failed");
        });

        Assert.Equal(0, _storage.Writes);
        Assert.Equal("Sorry.", Assert.Single(_adapter.Sent).Text);
    }

    [Fact]
    public async Task OnTurnAsync_TurnDoesNotTouchState_ReadsAndWritesNothing()
    {
        await _adapter.ProcessAsync(RecordingAdapter.Message("hi"), (ctx, ct) => ctx.SendActivityAsync("hello", ct));

        Assert.Equal(0, _storage.Reads);
        Assert.Equal(0, _storage.Writes);
    }
}

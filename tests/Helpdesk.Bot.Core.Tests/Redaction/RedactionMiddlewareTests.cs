using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Tests.Turns;

namespace Helpdesk.Bot.Core.Tests.Redaction;

public sealed class RedactionMiddlewareTests
{
    private readonly RecordingAdapter _adapter = new();

    public RedactionMiddlewareTests()
    {
        var conversation = new ConversationState(new MemoryStorage());
        _adapter.Use(new AutoSaveStateMiddleware(conversation));
        _adapter.Use(new RedactionMiddleware(conversation));
    }

    [Fact]
    public async Task OnTurnAsync_PreviousTurnAskedForSecret_NextMessageIsSecretOnce()
    {
        var seen = new List<bool>();
        await _adapter.ProcessAsync(RecordingAdapter.Message("reset my password"), (ctx, _) =>
        {
            seen.Add(ctx.InboundIsSecret());
            ctx.ExpectSecretReply();
            return Task.CompletedTask;
        });
        await _adapter.ProcessAsync(RecordingAdapter.Message("493817"), (ctx, _) =>
        {
            seen.Add(ctx.InboundIsSecret());
            return Task.CompletedTask;
        });
        await _adapter.ProcessAsync(RecordingAdapter.Message("thanks"), (ctx, _) =>
        {
            seen.Add(ctx.InboundIsSecret());
            return Task.CompletedTask;
        });

        Assert.Equal([false, true, false], seen);
    }
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Tests.Turns;
using Helpdesk.Bot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>Two turns of one conversation that load the same ETag cannot both save: the later save fails loudly.</summary>
public sealed class BotStateConcurrencyTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    public static TheoryData<string> Stores => new() { "memory", "sqlite" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveChangesAsync_TwoTurnsLoadedTheSameETag_SecondSaveThrowsAndFirstValueStays(string store)
    {
        var storage = Create(store);
        var state = new ConversationState(storage);
        var step = state.CreateProperty<string>("step");
        var adapter = new RecordingAdapter();
        var setup = new TurnContext(adapter, RecordingAdapter.Message("start"));
        await step.SetAsync(setup, "asked-for-device");
        await state.SaveChangesAsync(setup);

        var turnA = new TurnContext(adapter, RecordingAdapter.Message("laptop"));
        var turnB = new TurnContext(adapter, RecordingAdapter.Message("phone"));
        await Task.WhenAll(state.LoadAsync(turnA), state.LoadAsync(turnB));
        await step.SetAsync(turnA, "device=laptop");
        await step.SetAsync(turnB, "device=phone");

        await state.SaveChangesAsync(turnA);
        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(turnB));

        Assert.Equal("test/conversations/conv-1", error.Key);
        Assert.Equal("device=laptop", await step.GetAsync(new TurnContext(adapter, RecordingAdapter.Message("next"))));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveChangesAsync_TwoFirstTurnsOfANewConversation_SecondCreateThrows(string store)
    {
        var storage = Create(store);
        var state = new ConversationState(storage);
        var step = state.CreateProperty<string>("step");
        var adapter = new RecordingAdapter();
        var turnA = new TurnContext(adapter, RecordingAdapter.Message("a"));
        var turnB = new TurnContext(adapter, RecordingAdapter.Message("b"));
        await step.SetAsync(turnA, "a");
        await step.SetAsync(turnB, "b");

        await state.SaveChangesAsync(turnA);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(turnB));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveChangesAsync_ManyParallelTurns_ExactlyOneSaveWins(string store)
    {
        var storage = Create(store);
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<int>("counter");
        var adapter = new RecordingAdapter();
        var setup = new TurnContext(adapter, RecordingAdapter.Message("start"));
        await counter.SetAsync(setup, 0);
        await state.SaveChangesAsync(setup);
        var turns = Enumerable.Range(1, 20).Select(i => new TurnContext(adapter, RecordingAdapter.Message($"m{i}"))).ToArray();
        await Task.WhenAll(turns.Select(t => state.LoadAsync(t)));

        var outcomes = await Task.WhenAll(turns.Select((turn, i) => Task.Run(async () =>
        {
            await counter.SetAsync(turn, i + 1);
            try
            {
                await state.SaveChangesAsync(turn);
                return i + 1;
            }
            catch (StorageConcurrencyException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(outcomes, o => o > 0);
        Assert.Equal(winner, await counter.GetAsync(new TurnContext(adapter, RecordingAdapter.Message("after"))));
    }

    public void Dispose() => _file.Dispose();

    private IStorage Create(string store) => store switch
    {
        "memory" => new MemoryStorage(),
        "sqlite" => new SqliteStorage(_file.Open(), new FakeTimeProvider()),
        _ => throw new ArgumentOutOfRangeException(nameof(store)),
    };
}

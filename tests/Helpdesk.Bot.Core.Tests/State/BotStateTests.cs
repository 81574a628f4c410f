using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Tests.Turns;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class BotStateTests
{
    private readonly CountingStorage _storage = new(new MemoryStorage());
    private readonly RecordingAdapter _adapter = new();
    private readonly ConversationState _conversation;
    private readonly IStatePropertyAccessor<TicketDraft> _draft;
    private readonly IStatePropertyAccessor<int> _counter;

    public BotStateTests()
    {
        _conversation = new ConversationState(_storage);
        _draft = _conversation.CreateProperty<TicketDraft>("draft");
        _counter = _conversation.CreateProperty<int>("counter");
    }

    private TurnContext NewTurn(string conversationId = "conv-1", string userId = "user-1") =>
        new(_adapter, RecordingAdapter.Message("hi", conversationId, userId));

    [Fact]
    public async Task GetAsync_SeveralTimesInATurn_ReadsStorageOnce()
    {
        var turn = NewTurn();

        await _draft.GetAsync(turn);
        await _counter.GetAsync(turn);
        await _conversation.LoadAsync(turn);

        Assert.Equal(1, _storage.Reads);
    }

    [Fact]
    public async Task LoadAsync_Force_ReadsAgain()
    {
        var turn = NewTurn();
        await _conversation.LoadAsync(turn);

        await _conversation.LoadAsync(turn, force: true);

        Assert.Equal(2, _storage.Reads);
    }

    [Fact]
    public async Task SaveChangesAsync_NothingChanged_DoesNotWrite()
    {
        var turn = NewTurn();
        Assert.Null(await _draft.GetAsync(turn));
        Assert.Equal(0, await _counter.GetAsync(turn));

        await _conversation.SaveChangesAsync(turn);

        Assert.Equal(0, _storage.Writes);
    }

    [Fact]
    public async Task SaveChangesAsync_NotLoaded_DoesNothing()
    {
        await _conversation.SaveChangesAsync(NewTurn());

        Assert.Equal(0, _storage.Reads);
        Assert.Equal(0, _storage.Writes);
    }

    [Fact]
    public async Task SaveChangesAsync_ChangedOnce_WritesOnceEvenIfCalledTwice()
    {
        var turn = NewTurn();
        await _counter.SetAsync(turn, 1);

        await _conversation.SaveChangesAsync(turn);
        await _conversation.SaveChangesAsync(turn);

        Assert.Equal(1, _storage.Writes);
    }

    [Fact]
    public async Task SaveChangesAsync_Force_WritesUnchangedState()
    {
        var turn = NewTurn();
        await _conversation.LoadAsync(turn);

        await _conversation.SaveChangesAsync(turn, force: true);

        Assert.Equal(1, _storage.Writes);
    }

    [Fact]
    public async Task GetAsync_DefaultFactory_StoresTheDefaultAndSavesIt()
    {
        var turn = NewTurn();

        var draft = await _draft.GetAsync(turn, () => new TicketDraft { Title = "new" });
        await _conversation.SaveChangesAsync(turn);

        Assert.Equal("new", draft!.Title);
        Assert.Equal(1, _storage.Writes);
        Assert.Equal("new", (await _draft.GetAsync(NewTurn()))!.Title);
    }

    [Fact]
    public async Task TypedProperty_NestedListsAndDates_RoundTripThroughStorage()
    {
        var opened = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));
        var first = NewTurn();
        await _draft.SetAsync(first, new TicketDraft
        {
            Title = "Drucker im Büro 3 druckt nicht",
            Tags = ["printer", "floor-3"],
            Steps = [new TicketStep(1, "Power cycle", true), new TicketStep(2, "Check queue", false)],
            OpenedAt = opened,
            Attempts = 2,
        });
        await _conversation.SaveChangesAsync(first);

        // As after a restart: a new state object has no kept values, so the draft comes from the stored JSON.
        var restarted = new ConversationState(_storage).CreateProperty<TicketDraft>("draft");
        var second = NewTurn();
        var draft = (await restarted.GetAsync(second))!;

        Assert.Equal("Drucker im Büro 3 druckt nicht", draft.Title);
        Assert.Equal(["printer", "floor-3"], draft.Tags);
        Assert.Equal([new TicketStep(1, "Power cycle", true), new TicketStep(2, "Check queue", false)], draft.Steps);
        Assert.Equal(opened, draft.OpenedAt);
        Assert.Equal(TimeSpan.FromHours(1), draft.OpenedAt!.Value.Offset);
        Assert.Equal(2, draft.Attempts);
        Assert.Same(draft, await restarted.GetAsync(second));
    }

    [Fact]
    public async Task GetAsync_NextTurnAfterASave_GetsTheKeptTypedValueAndStillSavesChanges()
    {
        var first = NewTurn();
        var draft = new TicketDraft { Title = "vpn", Tags = ["a"] };
        await _draft.SetAsync(first, draft);
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        var kept = (await _draft.GetAsync(second))!;
        kept.Tags.Add("b");
        await _conversation.SaveChangesAsync(second);

        Assert.Same(draft, kept);
        Assert.Equal(2, _storage.Writes);
        var stored = (await new ConversationState(_storage).CreateProperty<TicketDraft>("draft").GetAsync(NewTurn()))!;
        Assert.Equal(["a", "b"], stored.Tags);
    }

    [Fact]
    public async Task GetAsync_TurnChangedStateAndDidNotSave_NextTurnGetsTheStoredValue()
    {
        var first = NewTurn();
        await _draft.SetAsync(first, new TicketDraft { Title = "saved" });
        await _conversation.SaveChangesAsync(first);

        // A turn that throws: its change is never saved.
        var failed = NewTurn();
        var changed = (await _draft.GetAsync(failed))!;
        changed.Title = "never saved";
        changed.Tags.Add("x");

        var next = (await _draft.GetAsync(NewTurn()))!;
        Assert.NotSame(changed, next);
        Assert.Equal("saved", next.Title);
        Assert.Empty(next.Tags);
    }

    [Fact]
    public async Task GetAsync_StoredItemChangedByAnotherWriter_NextTurnReadsTheNewValue()
    {
        var first = NewTurn();
        var draft = new TicketDraft { Title = "mine" };
        await _draft.SetAsync(first, draft);
        await _conversation.SaveChangesAsync(first);

        var otherState = new ConversationState(_storage);
        var otherTurn = NewTurn();
        (await otherState.CreateProperty<TicketDraft>("draft").GetAsync(otherTurn))!.Title = "theirs";
        await otherState.SaveChangesAsync(otherTurn);

        var next = (await _draft.GetAsync(NewTurn()))!;
        Assert.NotSame(draft, next);
        Assert.Equal("theirs", next.Title);
    }

    [Fact]
    public async Task GetAsync_ChangedAfterAMidTurnSave_NextTurnGetsWhatWasSaved()
    {
        var turn = NewTurn();
        await _draft.SetAsync(turn, new TicketDraft { Title = "saved" });
        await _conversation.SaveChangesAsync(turn);
        (await _draft.GetAsync(turn))!.Title = "changed after the save, never saved";

        var next = (await _draft.GetAsync(NewTurn()))!;

        Assert.Equal("saved", next.Title);
    }

    [Fact]
    public async Task GetAsync_TwoTurnsOfOneScopeAtOnce_OnlyOneGetsTheKeptValues()
    {
        var first = NewTurn();
        var draft = new TicketDraft { Title = "vpn" };
        await _draft.SetAsync(first, draft);
        await _conversation.SaveChangesAsync(first);

        var a = (await _draft.GetAsync(NewTurn()))!;
        var b = (await _draft.GetAsync(NewTurn()))!;

        Assert.Same(draft, a);
        Assert.NotSame(a, b);
        Assert.Equal("vpn", b.Title);
    }

    [Fact]
    public async Task TypedProperty_ReadButNotChanged_IsNotWrittenAgain()
    {
        var first = NewTurn();
        await _draft.SetAsync(first, new TicketDraft { Title = "Wi-Fi – café", Tags = ["é", "<b>"], Steps = [new TicketStep(1, "x", false)] });
        await _counter.SetAsync(first, 3);
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        await _draft.GetAsync(second);
        await _counter.GetAsync(second);
        await _conversation.SaveChangesAsync(second);

        Assert.Equal(1, _storage.Writes);
    }

    [Fact]
    public async Task TypedProperty_ChangedInPlace_IsDetectedAndSaved()
    {
        var first = NewTurn();
        await _draft.SetAsync(first, new TicketDraft { Title = "vpn" });
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        (await _draft.GetAsync(second))!.Steps.Add(new TicketStep(1, "Reinstall client", false));
        await _conversation.SaveChangesAsync(second);

        Assert.Equal(2, _storage.Writes);
        Assert.Equal("Reinstall client", Assert.Single((await _draft.GetAsync(NewTurn()))!.Steps).Text);
    }

    [Fact]
    public async Task DeleteAsync_Property_IsGoneAfterSave()
    {
        var first = NewTurn();
        await _counter.SetAsync(first, 5);
        await _draft.SetAsync(first, new TicketDraft { Title = "keep" });
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        await _counter.DeleteAsync(second);
        await _conversation.SaveChangesAsync(second);

        var third = NewTurn();
        Assert.Equal(0, await _counter.GetAsync(third));
        Assert.Equal("keep", (await _draft.GetAsync(third))!.Title);
    }

    [Fact]
    public async Task ClearState_AfterLoad_SavesAnEmptyState()
    {
        var first = NewTurn();
        await _counter.SetAsync(first, 5);
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        await _conversation.LoadAsync(second);
        _conversation.ClearState(second);
        await _conversation.SaveChangesAsync(second);

        Assert.Equal(0, await _counter.GetAsync(NewTurn()));
        Assert.Equal(2, _storage.Writes);
    }

    [Fact]
    public async Task ClearState_WithoutLoad_OverwritesTheStoredState()
    {
        var first = NewTurn();
        await _counter.SetAsync(first, 5);
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        _conversation.ClearState(second);
        await _conversation.SaveChangesAsync(second);

        Assert.Equal(1, _storage.Reads);
        Assert.Equal(2, _storage.Writes);
        Assert.Equal(0, await _counter.GetAsync(NewTurn()));
    }

    [Fact]
    public async Task DeleteAsync_State_RemovesItFromStorage()
    {
        var first = NewTurn();
        await _counter.SetAsync(first, 5);
        await _conversation.SaveChangesAsync(first);

        var second = NewTurn();
        await _counter.GetAsync(second);
        await _conversation.DeleteAsync(second);
        await _conversation.SaveChangesAsync(second);

        Assert.Empty(await _storage.ReadAsync(["test/conversations/conv-1"], default));
        Assert.Equal(1, _storage.Writes);
        Assert.Equal(0, await _counter.GetAsync(NewTurn()));
    }

    [Fact]
    public async Task GetAsync_ConversationAndUserState_AreScopedToTheirOwnKeys()
    {
        var user = new UserState(_storage);
        var language = user.CreateProperty<string>("language");
        var turnInConversation1 = NewTurn("conv-1", "user-1");
        await language.SetAsync(turnInConversation1, "de");
        await _counter.SetAsync(turnInConversation1, 1);
        await user.SaveChangesAsync(turnInConversation1);
        await _conversation.SaveChangesAsync(turnInConversation1);

        var turnInConversation2 = NewTurn("conv-2", "user-1");
        var otherUserInConversation1 = NewTurn("conv-1", "user-2");

        Assert.Equal("de", await language.GetAsync(turnInConversation2));
        Assert.Equal(0, await _counter.GetAsync(turnInConversation2));
        Assert.Null(await language.GetAsync(otherUserInConversation1));
        Assert.Equal(1, await _counter.GetAsync(otherUserInConversation1));
        Assert.Equal(
            ["test/conversations/conv-1", "test/users/user-1"],
            (await _storage.ReadAsync(["test/conversations/conv-1", "test/users/user-1", "test/conversations/conv-2"], default)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_ActivityWithoutConversation_ThrowsClearError()
    {
        var turn = new TurnContext(_adapter, new Activity { Type = ActivityTypes.Message, ChannelId = "test" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _counter.GetAsync(turn));

        Assert.Contains("conversation.id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_StoredValueIsNotAnObject_NextSaveReplacesIt()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["test/conversations/conv-1"] = new(JsonDocument.Parse("[1,2]").RootElement.Clone()) }, default);

        var turn = NewTurn();
        await _counter.SetAsync(turn, 4);
        await _conversation.SaveChangesAsync(turn);

        Assert.Equal(4, await _counter.GetAsync(NewTurn()));
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

public sealed class DialogContextTests
{
    private readonly List<string> _log = [];
    private readonly TestAdapter _adapter = new();

    [Fact]
    public async Task ContinueDialogAsync_EmptyStack_ReturnsEmpty()
    {
        var dc = await CreateContextAsync();

        var result = await dc.ContinueDialogAsync();

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
        Assert.Null(dc.ActiveDialog);
    }

    [Fact]
    public async Task BeginDialogAsync_UnknownId_ThrowsNamingTheId()
    {
        var dc = await CreateContextAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => dc.BeginDialogAsync("nope"));

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(dc.Stack);
    }

    [Fact]
    public async Task BeginDialogAsync_TwoDialogs_NewestIsActiveAndEndResumesParent()
    {
        var dc = await CreateContextAsync(new RecordingDialog("a", _log), new RecordingDialog("b", _log));

        await dc.BeginDialogAsync("a");
        var waiting = await dc.BeginDialogAsync("b");
        Assert.Equal(DialogTurnStatus.Waiting, waiting.Status);
        Assert.Equal(["b", "a"], dc.Stack.Select(i => i.Id));
        Assert.Equal("b", dc.ActiveDialog?.Id);

        // Ending b resumes a, whose default ResumeDialogAsync ends it with b's result.
        var result = await dc.EndDialogAsync("from b");

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "from b"), result);
        Assert.Empty(dc.Stack);
        Assert.Equal(["a:begin", "b:begin", "b:end:EndCalled", "a:end:EndCalled"], _log);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_Stack_EndsEachInnermostFirstWithCancelReason()
    {
        var dc = await CreateContextAsync(new RecordingDialog("a", _log), new RecordingDialog("b", _log));
        await dc.BeginDialogAsync("a");
        await dc.BeginDialogAsync("b");

        var result = await dc.CancelAllDialogsAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(dc.Stack);
        Assert.Equal(["b:end:CancelCalled", "a:end:CancelCalled"], _log.Where(l => l.Contains(":end:", StringComparison.Ordinal)));
        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
    }

    [Fact]
    public async Task ReplaceDialogAsync_Active_SwapsWithoutGrowingStack()
    {
        var dc = await CreateContextAsync(new RecordingDialog("a", _log), new RecordingDialog("b", _log));
        await dc.BeginDialogAsync("a");

        await dc.ReplaceDialogAsync("b");
        await dc.ReplaceDialogAsync("b");

        Assert.Equal(["b"], dc.Stack.Select(i => i.Id));
        Assert.Equal(["a:begin", "a:end:ReplaceCalled", "b:begin", "b:end:ReplaceCalled", "b:begin"], _log);
    }

    [Fact]
    public async Task RepromptDialogAsync_Active_AsksAgain()
    {
        var dc = await CreateContextAsync(new RecordingDialog("a", _log));
        await dc.BeginDialogAsync("a");

        await dc.RepromptDialogAsync();

        Assert.Equal(["a asks", "a asks again"], _adapter.TakeReplies().Select(r => r.Text));
    }

    [Fact]
    public async Task ContinueDialogAsync_StackHoldsUnknownDialog_ThrowsClearMessage()
    {
        var state = new DialogState([new DialogInstance("retired")]);
        var dc = new DialogContext(new DialogSet(), NewTurn(), state);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => dc.ContinueDialogAsync());

        Assert.Contains("'retired'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateContextAsync_SetWithoutAccessor_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogSet().CreateContextAsync(NewTurn()));
    }

    [Fact]
    public void DialogSet_SameDialogTwice_IsIdempotentButDifferentDialogSameIdThrows()
    {
        var set = new DialogSet();
        var dialog = new RecordingDialog("a", _log);

        set.Add(dialog).Add(dialog);

        Assert.Single(set.Dialogs);
        Assert.Same(dialog, set.Find("a"));
        Assert.Throws<InvalidOperationException>(() => set.Add(new RecordingDialog("a", _log)));
    }

    [Fact]
    public void FindDialog_IdInParentSet_FoundThroughParent()
    {
        var parentDialog = new RecordingDialog("parent-only", _log);
        var turn = NewTurn();
        var parent = new DialogContext(new DialogSet().Add(parentDialog), turn, new DialogState());
        var child = new DialogContext(new DialogSet(), turn, new DialogState(), parent);

        Assert.Same(parentDialog, child.FindDialog("parent-only"));
        Assert.Null(child.FindDialog("missing"));
    }

    [Fact]
    public void GetValue_JsonValue_ConvertsAndStoresTypedValue()
    {
        IDictionary<string, object?> values = new Dictionary<string, object?>
        {
            ["n"] = System.Text.Json.JsonSerializer.SerializeToElement(7),
            ["request"] = System.Text.Json.JsonSerializer.SerializeToElement(new { name = "Hal", devices = 4 }),
            ["nothing"] = null,
        };

        Assert.Equal(7, values.GetValue<int>("n"));
        Assert.Equal(new TicketRequest("Hal", 4), values.GetValue<TicketRequest>("request"));
        Assert.IsType<TicketRequest>(values["request"]);
        Assert.Null(values.GetValue<string>("nothing"));
        Assert.Equal(0, values.GetValue<int>("missing"));
    }

    private TurnContext NewTurn() => new(_adapter, _adapter.MakeActivity("hi"));

    private async Task<DialogContext> CreateContextAsync(params Dialog[] dialogs)
    {
        var state = new ConversationState(new MemoryStorage());
        var set = new DialogSet(state.CreateProperty<DialogState>("stack"));
        foreach (var dialog in dialogs)
        {
            set.Add(dialog);
        }

        return await set.CreateContextAsync(NewTurn());
    }
}

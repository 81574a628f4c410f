using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>
/// A conversation in progress survives a process restart: everything is rebuilt (database handle, storage, state,
/// dialogs, adapter) over the same SQLite file, and the conversation goes on mid-waterfall with the prompt's state.
/// </summary>
public sealed class DialogPersistenceTests : IDisposable
{
    private readonly TempSqliteFile _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Restart_MidWaterfall_ContinuesWithValuesAndPromptState()
    {
        await NewProcess().Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Olga").AssertReply("How many devices, Olga?")
            .Send("3").AssertReplyWithSuggestedActions("Open a ticket for Olga with 3 devices?", "Yes", "No")
            .StartTestAsync();

        // A new process: nothing shared with the first one but the database file.
        await NewProcess().Flow()
            .Send("dunno").AssertReplyWithSuggestedActions("Open a ticket for Olga with 3 devices?", "Yes", "No")
            .Send("yes").AssertReply("Done: ticket for Olga x3")
            .StartTestAsync();
    }

    [Fact]
    public async Task Restart_BetweenFailedAttempts_AttemptCountIsKept()
    {
        await NewProcess(confirmAttempts: 2).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Pia").AssertReply("How many devices, Pia?")
            .Send("2").AssertReply("Open a ticket for Pia with 2 devices?")
            .Send("hmm").AssertReply("Open a ticket for Pia with 2 devices?")
            .StartTestAsync();

        await NewProcess(confirmAttempts: 2).Flow()
            .Send("what?").AssertReply("Done: no answer")
            .StartTestAsync();
    }

    [Fact]
    public async Task Restart_ThenInterruptions_WorkOnRestoredStack()
    {
        await NewProcess().Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Quinn").AssertReply("How many devices, Quinn?")
            .StartTestAsync();

        await NewProcess().Flow()
            .Send("help").AssertReply(new InterruptionOptions().HelpMessage).AssertReply("How many devices, Quinn?")
            .StartTestAsync();

        await NewProcess().Flow()
            .Send("start over").AssertReply(new InterruptionOptions().StartOverMessage!).AssertReply("What's your name?")
            .StartTestAsync();
    }

    private DialogHarness NewProcess(int confirmAttempts = 3)
    {
        var storage = new SqliteStorage(SqliteDatabase.ForFile(_file.Path), _time);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("restart-conversation"), _time);
        return new DialogHarness(new TicketDialog(confirmAttempts), storage, useManager: true, adapter: adapter);
    }
}

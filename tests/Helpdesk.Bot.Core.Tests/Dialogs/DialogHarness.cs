using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>
/// A bot for dialog tests: conversation state over <see cref="IStorage"/> (saved after every turn by
/// <see cref="AutoSaveStateMiddleware"/>), the root dialog run by <see cref="DialogRunner"/> or, with interruptions,
/// by <see cref="DialogManager"/>. When the root dialog completes the bot says "Done: {result}".
/// </summary>
internal sealed class DialogHarness
{
    private readonly Dialog _root;
    private readonly DialogManager? _manager;

    /// <param name="jsonEveryTurn">Every turn reads the stored JSON (as after a restart) instead of the values the previous turn kept.</param>
    public DialogHarness(Dialog root, IStorage? storage = null, InterruptionOptions? interruptions = null, bool useManager = false, TestAdapter? adapter = null, bool jsonEveryTurn = false)
    {
        _root = root;
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage) { KeepsValuesBetweenTurns = !jsonEveryTurn };
        DialogState = ConversationState.CreateProperty<DialogState>("DialogState");
        Adapter = adapter ?? new TestAdapter();
        Adapter.Use(new AutoSaveStateMiddleware(ConversationState));
        if (useManager || interruptions is not null)
        {
            _manager = new DialogManager(root, DialogState, interruptions);
        }
    }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public TestAdapter Adapter { get; }

    /// <summary>The result of every turn, in order.</summary>
    public List<DialogTurnResult> Results { get; } = [];

    public TestFlow Flow() => new(Adapter, OnTurnAsync);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = _manager is null
            ? await _root.RunAsync(turnContext, DialogState, cancellationToken)
            : await _manager.OnTurnAsync(turnContext, cancellationToken);
        Results.Add(result);
        if (result.Status == DialogTurnStatus.Complete)
        {
            await turnContext.SendActivityAsync($"Done: {result.Result}", cancellationToken);
        }
    }
}

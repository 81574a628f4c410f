using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>
/// A bot that only runs the troubleshooting dialog, on a test channel, with conversation state in
/// <see cref="Storage"/> (auto-saved each turn). A new harness over the same storage is a restarted server.
/// Every outcome the dialog ends with is collected, and the case file is read after each turn.
/// </summary>
internal sealed class TroubleshootingHarness
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly DialogSet _dialogs;

    public TroubleshootingHarness(
        IStorage? storage = null,
        IFlowCatalog? catalog = null,
        IKnownIncidents? incidents = null,
        IUserDirectoryLookup? directory = null,
        IKnowledgeSearch? knowledge = null,
        TroubleshootingOptions? options = null,
        FakeTimeProvider? time = null,
        string channelId = ChannelIds.Test)
    {
        Storage = storage ?? new MemoryStorage();
        Time = time ?? new FakeTimeProvider(Start);
        Catalog = catalog ?? EmbeddedFlows.Catalog;
        Incidents = incidents ?? new KnownIncidents(new MemoryIncidentStore(), Time);
        ConversationState = new ConversationState(Storage);
        Cases = new CaseFileAccessor(ConversationState);
        Dialog = new TroubleshootingDialog(Catalog, Cases, Incidents, Time, options, directory, knowledge);
        _dialogs = new DialogSet(ConversationState.CreateProperty<DialogState>(nameof(DialogState))).Add(Dialog);
        var conversation = TestAdapter.CreateConversation();
        conversation.ChannelId = channelId;
        Adapter = new TestAdapter(conversation, Time);
        Adapter.Use(new AutoSaveStateMiddleware(ConversationState));
        Adapter.Use(new RedactionMiddleware(ConversationState));
    }

    public IStorage Storage { get; }

    public FakeTimeProvider Time { get; }

    public IFlowCatalog Catalog { get; }

    public IKnownIncidents Incidents { get; }

    public ConversationState ConversationState { get; }

    public CaseFileAccessor Cases { get; }

    public TroubleshootingDialog Dialog { get; }

    public TestAdapter Adapter { get; }

    /// <summary>How the dialog is started when nothing is running.</summary>
    public TroubleshootingRequest Request { get; set; } = TroubleshootingRequest.Picker;

    public List<SkillOutcome> Outcomes { get; } = [];

    /// <summary>The case file as saved after the last turn.</summary>
    public CaseFile CaseFile { get; private set; } = new();

    /// <summary>True while a dialog is waiting for the user.</summary>
    public bool Active { get; private set; }

    public static TroubleshootingHarness ForFlow(string flowId, IStorage? storage = null, IKnownIncidents? incidents = null, IUserDirectoryLookup? directory = null, IKnowledgeSearch? knowledge = null, string channelId = ChannelIds.Test) =>
        new(storage, incidents: incidents, directory: directory, knowledge: knowledge, channelId: channelId) { Request = TroubleshootingRequest.Start(flowId) };

    public TestFlow Flow() => new(Adapter, OnTurnAsync);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(TroubleshootingDialog.DialogId, Request, cancellationToken);
        }

        if (result.Status == DialogTurnStatus.Complete)
        {
            Outcomes.Add(result.Result as SkillOutcome ?? throw new InvalidOperationException($"The dialog ended with {result.Result?.GetType().Name ?? "null"}, not a SkillOutcome."));
        }

        Active = result.Status == DialogTurnStatus.Waiting;
        CaseFile = await Cases.GetAsync(turnContext, cancellationToken);
    }
}

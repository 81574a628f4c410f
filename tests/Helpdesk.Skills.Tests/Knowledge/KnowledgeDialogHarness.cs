using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Knowledge;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>
/// Runs <see cref="KnowledgeDialog"/> as a conversation over the real own-articles index: every user message that
/// arrives while no dialog is active starts it with that message as the question (as the main dialog does), and
/// the outcome each run ends with is kept in <see cref="Outcomes"/>.
/// </summary>
public sealed class KnowledgeDialogHarness
{
    public static readonly string[] Menu = ["Reset my password", "Talk to a person"];

    private readonly DialogManager _manager;

    public KnowledgeDialogHarness(IKnowledgeSearch? search = null, bool available = true, KnowledgeSettings? settings = null, string? channelId = null, MemoryStorage? storage = null, RecordingFeedbackStore? feedback = null, IGroundedAnswerer? answerer = null)
    {
        Storage = storage ?? new MemoryStorage();
        Feedback = feedback ?? new RecordingFeedbackStore();
        ConversationState = new ConversationState(Storage);
        CaseFiles = new CaseFileAccessor(ConversationState);
        Dialog = new KnowledgeDialog(
            new KnowledgeAnswerFinder(search ?? OwnKnowledgeBase.Instance, new AnswerConfidence(), settings ?? KnowledgeSettings.Default),
            new FixedAvailability(available),
            Feedback,
            CaseFiles,
            ConversationState,
            new PatternSecretRedactor(),
            Time,
            answerer);
        _manager = new DialogManager(new Root(Dialog, Outcomes), ConversationState.CreateProperty<DialogState>(nameof(DialogState)));
        var conversation = TestAdapter.CreateConversation();
        if (channelId is not null)
        {
            conversation.ChannelId = channelId;
        }

        Adapter = new TestAdapter(conversation, Time);
        Adapter.Use(new AutoSaveStateMiddleware(ConversationState));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public MemoryStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public CaseFileAccessor CaseFiles { get; }

    public RecordingFeedbackStore Feedback { get; }

    public KnowledgeDialog Dialog { get; }

    public TestAdapter Adapter { get; }

    /// <summary>How each run of the dialog ended, in order.</summary>
    public List<SkillOutcome> Outcomes { get; } = [];

    public TestFlow Flow() => new(Adapter, _manager.OnTurnAsync);

    /// <summary>The conversation's case file as stored after the last turn.</summary>
    public async Task<CaseFile> CaseFileAsync()
    {
        CaseFile? file = null;
        await Adapter.ProcessActivityAsync(new Bot.Core.Schema.Activity { Type = Bot.Core.Schema.ActivityTypes.Event, Name = "inspect" }, async (context, ct) =>
        {
            await ConversationState.LoadAsync(context, false, ct);
            file = await CaseFiles.GetAsync(context, ct);
        });
        return file!;
    }

    private sealed class FixedAvailability(bool available) : IKnowledgeAvailability
    {
        public bool IsAvailable => available;
    }

    /// <summary>Starts the knowledge dialog with each new message, as the main dialog does, and records the outcome.</summary>
    private sealed class Root : ComponentDialog
    {
        private readonly List<SkillOutcome> _outcomes;

        public Root(KnowledgeDialog knowledge, List<SkillOutcome> outcomes)
            : base("root")
        {
            _outcomes = outcomes;
            AddDialog(knowledge);
            AddDialog(new WaterfallDialog("root.steps", [StartAsync, EndAsync]));
            InitialDialogId = "root.steps";
        }

        private static Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        {
            var text = step.Context.Activity.Text;
            var request = text == "search" ? new KnowledgeRequest(null, Menu) : new KnowledgeRequest(text, Menu);
            return step.BeginDialogAsync(KnowledgeDialog.DialogId, request, cancellationToken);
        }

        private Task<DialogTurnResult> EndAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        {
            _outcomes.Add(step.Result as SkillOutcome ?? throw new InvalidOperationException("The knowledge dialog ended without a SkillOutcome."));
            return step.EndDialogAsync(step.Result, cancellationToken);
        }
    }
}

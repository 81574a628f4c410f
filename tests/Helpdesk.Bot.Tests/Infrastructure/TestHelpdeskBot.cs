using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.Tests.Knowledge;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// The real helpdesk bot with every skill, wired by hand over a given conversation state (in-memory incidents, the
/// project's own articles in memory) — the one place tests construct it, so a new skill is added here only.
/// </summary>
internal static class TestHelpdeskBot
{
    /// <summary>The shipped flows, loaded once.</summary>
    public static FlowCatalog Flows { get; } = FlowCatalog.FromEmbedded();

    public static HelpdeskBot Create(ConversationState conversationState, BotTexts texts, IntentFallback? intents = null) =>
        new(conversationState, MainDialog(conversationState, texts, intents), texts);

    public static MainDialog MainDialog(ConversationState conversationState, BotTexts texts, IntentFallback? intents = null) => new(
        texts,
        new TroubleshootingDialog(Flows, new CaseFileAccessor(conversationState), new KnownIncidents(new MemoryIncidentStore(), TimeProvider.System), TimeProvider.System),
        TestKnowledge.Dialog(conversationState),
        intents: intents);
}

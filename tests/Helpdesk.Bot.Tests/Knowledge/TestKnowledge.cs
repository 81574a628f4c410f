using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Bot.Tests.EndToEnd;
using Helpdesk.KnowledgeIndex;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Knowledge;
using Lucene.Net.Store;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>The real index of the project's own articles (built once, in memory) and a knowledge dialog over it.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<KnowledgeBase> Shared = new(() =>
    {
        var kb = KnowledgeBase.Open(new RAMDirectory(), TimeProvider.System, createIfMissing: true, ownsDirectory: true);
        kb.Reindex([OwnArticles]);
        return kb;
    });

    public static string OwnArticles => Path.Combine(RepositoryPaths.Root, "knowledge-index", "articles");

    public static KnowledgeBase Index => Shared.Value;

    internal static KnowledgeDialog Dialog(ConversationState conversationState, IKnowledgeFeedbackStore? feedback = null) => new(
        new KnowledgeAnswerFinder(Index, new AnswerConfidence(), KnowledgeSettings.Default),
        new AlwaysAvailable(),
        feedback ?? new MemoryKnowledgeFeedbackStore(),
        new CaseFileAccessor(conversationState),
        conversationState,
        new PatternSecretRedactor(),
        TimeProvider.System);

    private sealed class AlwaysAvailable : IKnowledgeAvailability
    {
        public bool IsAvailable => true;
    }
}

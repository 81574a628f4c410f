using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.Tests.Infrastructure;
using Helpdesk.Skills.Knowledge;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.Options;
using Moq;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The main dialog with a (Moq'd) intent classifier: asked only when the offline matching is unsure; it only routes.</summary>
public sealed class IntentFallbackConversationTests
{
    private const string Unsure = "purple elephants dancing";

    private readonly BotTexts _texts = new(Options.Create(new ServiceDeskOptions()));
    private readonly Mock<IIntentClassifier> _classifier = new();
    private readonly List<IntentQuestion> _questions = [];

    public IntentFallbackConversationTests()
    {
        _classifier.SetupGet(c => c.IsEnabled).Returns(true);
    }

    [Fact]
    public async Task Unsure_ClassifiedAsAFlow_OffersThatFlowWithTheConfirm()
    {
        Classify(new ClassifiedIntent(BotIntent.Troubleshoot, "vpn"));

        await Welcomed()
            .Send(Unsure)
            .AssertReplyWithSuggestedActions("Sounds like a VPN problem — shall we troubleshoot it together?", "Yes, let's do it", "No thanks")
            .StartTestAsync();

        var question = Assert.Single(_questions);
        Assert.Equal(Unsure, question.Text);
        Assert.Contains(question.Flows, f => f.Id == "vpn");
        Assert.Equal(TestHelpdeskBot.Flows.Flows.Count, question.Flows.Count);
    }

    [Fact]
    public async Task Unsure_ClassifiedAsPasswordReset_OnlyStartsTheResetEntry()
    {
        Classify(new ClassifiedIntent(BotIntent.PasswordReset));

        await Welcomed()
            .Send(Unsure)
            .AssertReplyContains("I can help you get back in.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Unsure_ClassifiedAsPerson_TalkToPerson()
    {
        Classify(new ClassifiedIntent(BotIntent.TalkToPerson));

        await Welcomed().Send(Unsure).AssertReply(_texts.TalkToPerson).StartTestAsync();
    }

    [Theory]
    [InlineData(BotIntent.Other)]
    [InlineData(null)]
    public async Task Unsure_OtherOrNoAnswer_TheOfflinePath(BotIntent? intent)
    {
        Classify(intent is null ? null : new ClassifiedIntent(intent.Value));

        await Welcomed()
            .Send(Unsure)
            .AssertReplyWithSuggestedActions(KnowledgeTexts.NotFound, MainMenu.ResetPassword, MainMenu.UnlockAccount, MainMenu.FixProblem, MainMenu.SearchArticles, MainMenu.TalkToPerson)
            .StartTestAsync();
        Assert.Single(_questions);
    }

    [Theory]
    [InlineData("vpn keeps disconnecting", "Sounds like a VPN problem")]
    [InlineData("talk to a person", "I'll get you to a person")]
    [InlineData("outlook keeps crashing when i open it", "Outlook")]
    public async Task ConfidentOffline_ClassifierNeverAsked(string text, string reply)
    {
        Classify(new ClassifiedIntent(BotIntent.PasswordReset));

        await Welcomed().Send(text).AssertReplyContains(reply).StartTestAsync();

        Assert.Empty(_questions);
    }

    [Fact]
    public async Task Unsure_MessageWithASecret_ClassifierSeesItRedacted()
    {
        Classify(null);

        await Welcomed().Send(Unsure + " password: Hunter2-Secret!").AssertReplyContains("not sure which help article").StartTestAsync();

        var question = Assert.Single(_questions);
        Assert.DoesNotContain("Hunter2-Secret!", question.Text, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, question.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoModel_ClassifierDisabled_NeverAsked()
    {
        _classifier.SetupGet(c => c.IsEnabled).Returns(false);
        Classify(new ClassifiedIntent(BotIntent.Troubleshoot, "vpn"));

        await Welcomed().Send(Unsure).AssertReplyContains("not sure which help article").StartTestAsync();

        Assert.Empty(_questions);
    }

    private void Classify(ClassifiedIntent? intent) =>
        _classifier.Setup(c => c.ClassifyAsync(It.IsAny<IntentQuestion>(), It.IsAny<CancellationToken>()))
            .Callback((IntentQuestion q, CancellationToken _) => _questions.Add(q))
            .ReturnsAsync(intent);

    private TestFlow Welcomed()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var intents = new IntentFallback(_classifier.Object, new PatternSecretRedactor(), TestHelpdeskBot.Flows);
        var bot = TestHelpdeskBot.Create(conversationState, _texts, intents);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        return new TestFlow(adapter, bot).Send("hi").AssertReplyContains("IT help").AssertReply(_texts.MenuPrompt);
    }
}

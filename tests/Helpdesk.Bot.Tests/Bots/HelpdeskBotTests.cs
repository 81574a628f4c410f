using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Tests.Knowledge;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Bots;

public sealed class HelpdeskBotTests
{
    private static readonly string[] Menu =
        [MainMenu.ResetPassword, MainMenu.UnlockAccount, MainMenu.FixProblem, MainMenu.SearchArticles, MainMenu.TalkToPerson];

    private readonly BotTexts _texts = new(Options.Create(new ServiceDeskOptions()));

    [Fact]
    public async Task ConversationUpdate_UserJoins_WelcomesOnceWithMenu()
    {
        await NewFlow()
            .SendConversationUpdate(new ChannelAccount("user1", "Alex Wilber"))
            .AssertReplyContains("IT help assistant")
            .AssertReplyWithSuggestedActions(_texts.MenuPrompt, Menu)
            .SendConversationUpdate(new ChannelAccount("user1", "Alex Wilber"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ConversationUpdate_OnlyBotAdded_SaysNothing()
    {
        await NewFlow()
            .SendConversationUpdate(new ChannelAccount("bot", "Bot"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_FirstGreeting_WelcomeThenMenuOnce()
    {
        await NewFlow()
            .Send("hi")
            .AssertReplyContains("I'm the Contoso IT help assistant")
            .AssertReplyWithSuggestedActions(_texts.MenuPrompt, Menu)
            .AssertNoReply()
            .Send("hello")
            .AssertReplyWithSuggestedActions(_texts.GreetAgain, Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_FirstMessageIsARequest_WelcomeThenAnswer()
    {
        await NewFlow()
            .Send("talk to a person")
            .AssertReplyContains("IT help assistant")
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Reset my password", "Self-service password reset")]
    [InlineData("pasword reset", "Self-service password reset")]
    [InlineData("forgot my password", "Self-service password reset")]
    [InlineData("im locked out", "Self-service account unlock")]
    public async Task Message_MenuEntryTypedOrClicked_RoutesHonestly(string text, string feature)
    {
        await Welcomed()
            .Send(text)
            .AssertReply(_texts.NotAvailableYet(feature))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("talk to a humann")]
    [InlineData("can i speak to a human please")]
    [InlineData("5")]
    public async Task Message_AsksForAPerson_GivesServiceDeskContact(string text)
    {
        await Welcomed()
            .Send(text)
            .AssertReply(a => Assert.Contains("servicedesk@contoso.example", a.Text, StringComparison.Ordinal), "service desk contact")
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_Unknown_NoArticleFitsSoAsksToRephraseWithMenu()
    {
        await Welcomed()
            .Send("purple elephants dancing")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.NotFound, Menu)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("outlook keeps crashing when i open it", "Outlook crashes or freezes")]
    [InlineData("vpn says certificate expired", "VPN certificate error")]
    [InlineData("teams mic not working", "Teams microphone, speaker or camera not working")]
    [InlineData("think my account got hacked", "Think your account has been hacked")]
    public async Task Message_QuestionInOwnWords_AnsweredWithAnArticleCard(string question, string title)
    {
        await Welcomed()
            .Send(question)
            .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard, a => Assert.Contains(title, System.Text.Json.JsonSerializer.Serialize(a.Content), StringComparison.Ordinal))
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .Send("yes")
            .AssertReply(KnowledgeTexts.Glad)
            .Send("thanks")
            .AssertReply(KnowledgeTexts.YouAreWelcome)
            .StartTestAsync();
    }

    [Fact]
    public async Task SearchArticles_AsksWhatTheyNeedThenAnswers()
    {
        await Welcomed()
            .Send(MainMenu.SearchArticles)
            .AssertReply(KnowledgeTexts.AskQuestion)
            .Send("printer is offline")
            .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard)
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Knowledge_ArticlesDidNotHelp_EscalationGivesServiceDeskContact()
    {
        await Welcomed()
            .Send("vpn says certificate expired")
            .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard)
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .Send("no")
            .AssertReply(KnowledgeTexts.NotSolved)
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Fact]
    public async Task Knowledge_JunkTwice_OffersAPersonAndYesGivesServiceDeskContact()
    {
        await Welcomed()
            .Send("purple elephants dancing")
            .AssertReply(KnowledgeTexts.NotFound)
            .Send("qwerty uiop")
            .AssertReply(KnowledgeTexts.StillNotFound)
            .Send("yes")
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_Help_ShowsHelpThenMenu()
    {
        await Welcomed()
            .Send("help")
            .AssertReply(_texts.Help)
            .AssertReplyWithSuggestedActions(_texts.MenuPrompt, Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task FixProblem_AreaByButtonTypoOrNumber_Answers()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReply(a =>
            {
                Assert.Equal(_texts.ProblemAreaPrompt, a.Text);
                Assert.Equal(FixProblemDialog.Areas.Select(c => c.Value), a.SuggestedActions!.Actions!.Select(x => x.Title));
            }, "area prompt with buttons")
            .Send("wirelss")
            .AssertReply(_texts.NotAvailableYet("Guided troubleshooting for Wi-Fi"))
            .Send("fix a problem")
            .AssertReply(_texts.ProblemAreaPrompt)
            .Send("3")
            .AssertReply(_texts.NotAvailableYet("Guided troubleshooting for Printer"))
            .StartTestAsync();
    }

    [Fact]
    public async Task FixProblem_TwoUnmatchedAnswers_EndsWithServiceDeskContact()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReply(_texts.ProblemAreaPrompt)
            .Send("zzzz qqqq")
            .AssertReplyContains(_texts.ProblemAreaRetry)
            .Send("xxxx yyyy")
            .AssertReply(_texts.NoProblemAreaMatched)
            .Send("zzzz qqqq")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.NotFound, Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task FixProblem_CancelMidPrompt_StopsAndNextMessageRoutesAfresh()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReply(_texts.ProblemAreaPrompt)
            .Send("cancel")
            .AssertReplyContains("cancelled")
            .Send("agent")
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Fact]
    public async Task FixProblem_StartOverMidPrompt_ShowsMenu()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReply(_texts.ProblemAreaPrompt)
            .Send("start over")
            .AssertReplyWithSuggestedActions(_texts.MenuPrompt, Menu)
            .Send("VPN")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.NotFound, Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task FixProblem_HelpMidPrompt_ShowsHelpAndAsksAgain()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReply(_texts.ProblemAreaPrompt)
            .Send("help")
            .AssertReply(_texts.Help)
            .AssertReplyContains(_texts.ProblemAreaPrompt)
            .Send("vpn")
            .AssertReply(_texts.NotAvailableYet("Guided troubleshooting for VPN"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Dialog_ServerRestartsMidPrompt_ContinuesFromStoredState()
    {
        var storage = new MemoryStorage();
        await NewFlow(storage)
            .Send("hi").AssertReplyContains("IT help").AssertReply(_texts.MenuPrompt)
            .Send(MainMenu.FixProblem).AssertReply(_texts.ProblemAreaPrompt)
            .StartTestAsync();

        // A new bot over the same store is a restarted server.
        await NewFlow(storage)
            .Send("teams")
            .AssertReply(_texts.NotAvailableYet("Guided troubleshooting for Teams"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Invoke_HealthCheck_AnswersSuccessInTheInvokeResponse()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var bot = new HelpdeskBot(conversationState, new MainDialog(_texts, new FixProblemDialog(_texts), TestKnowledge.Dialog(conversationState)), _texts);
        var adapter = new TestAdapter();
        Core.Turns.TurnContext? seen = null;

        await adapter.ProcessActivityAsync(new Activity { Type = ActivityTypes.Invoke, Name = HelpdeskBot.HealthCheckInvoke }, async (ctx, ct) =>
        {
            await bot.OnTurnAsync(ctx, ct);
            seen = (Core.Turns.TurnContext)ctx;
        });

        Assert.NotNull(seen?.InvokeResponse);
        Assert.Equal(200, seen.InvokeResponse.Status);
        Assert.Contains("\"success\":true", System.Text.Json.JsonSerializer.Serialize(seen.InvokeResponse.Body), StringComparison.Ordinal);
        Assert.Equal(0, adapter.PendingReplyCount);
    }

    private TestFlow Welcomed() => NewFlow().Send("hi").AssertReplyContains("IT help").AssertReply(_texts.MenuPrompt);

    private TestFlow NewFlow(IStorage? storage = null)
    {
        var conversationState = new ConversationState(storage ?? new MemoryStorage());
        var bot = new HelpdeskBot(conversationState, new MainDialog(_texts, new FixProblemDialog(_texts), TestKnowledge.Dialog(conversationState)), _texts);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        return new TestFlow(adapter, bot);
    }
}

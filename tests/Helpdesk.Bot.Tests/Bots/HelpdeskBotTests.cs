using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Bot.Tests.Infrastructure;
using Helpdesk.Bot.Tests.Knowledge;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Bots;

public sealed class HelpdeskBotTests
{
    private static readonly string[] Menu =
        [MainMenu.ResetPassword, MainMenu.UnlockAccount, MainMenu.FixProblem, MainMenu.SearchArticles, MainMenu.TalkToPerson];

    private const string FlowIntro = "I'll take you through the same checks a technician would.";

    private const string PersonPrompt = "Sure, I'll get you to a person. In a sentence, what do you need help with?";

    private static readonly FlowCatalog Flows = TestHelpdeskBot.Flows;

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
            .AssertReplyContains(PersonPrompt)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Reset my password", "I can help you get back in.")]
    [InlineData("pasword reset", "I can help you get back in.")]
    [InlineData("forgot my password", "I can help you get back in.")]
    [InlineData("im locked out", "I can help you unlock your account.")]
    public async Task Message_MenuEntryTypedOrClicked_StartsTheResetDialog(string text, string opening)
    {
        await Welcomed()
            .Send(text)
            .AssertReply(a => Assert.StartsWith(opening + " First, what's your user name or work e-mail address?", a.Text, StringComparison.Ordinal), "the reset dialog asks for the account")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("5")]
    public async Task Message_AsksForAPerson_AsksWhatItIsAboutThenHandsOver(string text)
    {
        // The test adapter can't send proactively, so the handoff can't start: the user gets the service desk's contact.
        await Welcomed()
            .Send(text)
            .AssertReplyContains(PersonPrompt)
            .Send("just connect me now")
            .AssertReply(a => Assert.Contains("servicedesk@contoso.example", a.Text, StringComparison.Ordinal), "service desk contact")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("talk to a humann")]
    [InlineData("can i speak to a human please")]
    public async Task Message_AsksForAPersonInOwnWords_HandsOverWithoutAskingAgain(string text)
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
    public async Task Message_SymptomWithAFlow_FlowOfferedAndNoThanksShowsTheArticle(string question, string title)
    {
        await Welcomed()
            .Send(question)
            .AssertReply(a => Assert.EndsWith("shall we troubleshoot it together?", a.Text, StringComparison.Ordinal), "the flow offered")
            .Send("No thanks")
            .AssertAttachment(Core.Schema.AttachmentContentTypes.AdaptiveCard, a => Assert.Contains(title, System.Text.Json.JsonSerializer.Serialize(a.Content), StringComparison.Ordinal))
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .Send("yes")
            .AssertReply(KnowledgeTexts.Glad)
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_FlowDeclinedAndNoArticle_AsksForMore()
    {
        await Welcomed()
            .Send("printer broken")
            .AssertReplyContains("Sounds like a printer problem")
            .Send("no thanks")
            .AssertReply(a => Assert.True(a.Text == _texts.DeclinedOffer || a.Attachments is { Count: > 0 }), "an article or a request for more")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("think my account got hacked", "Think your account has been hacked")]
    [InlineData("how do i set up my out of office reply", "Set up an out-of-office reply")]
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
            .Send("think my account got hacked")
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
    public async Task FixProblem_ShowsTheFlowPicker_PickByTypoOrNumber()
    {
        var labels = Flows.Flows.Select(f => f.Label).Append("Something else").ToArray();
        await Welcomed()
            .Send(MainMenu.FixProblem)
            .AssertReplyWithSuggestedActions("What kind of problem is it?", labels)
            .Send("wi-fi")
            .AssertReplyContains(FlowIntro)
            .AssertReplyContains("Where are you, and which network")
            .Send("cancel")
            .AssertReplyContains("cancelled")
            .Send("fix a problem")
            .AssertReplyContains("What kind of problem is it?")
            .Send((Array.IndexOf(labels, "Printer") + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AssertReplyContains(FlowIntro)
            .AssertReplyContains("What's the printer doing?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("vpn keeps disconnecting", "Sounds like a VPN problem — shall we troubleshoot it together?")]
    [InlineData("my pritner says offline", "Sounds like a printer problem — shall we troubleshoot it together?")]
    [InlineData("i have a problem with onedrive not syncing", "Sounds like OneDrive isn't syncing — shall we troubleshoot it together?")]
    public async Task FreeText_DescribesAProblem_ConfirmsTheFlow(string text, string confirm)
    {
        await Welcomed()
            .Send(text)
            .AssertReplyWithSuggestedActions(confirm, "Yes, let's do it", "No thanks")
            .Send("yes")
            .AssertReplyContains(FlowIntro)
            .StartTestAsync();
    }

    [Fact]
    public async Task FreeText_FirstMessage_WelcomeThenConfirm()
    {
        await NewFlow()
            .Send("vpn keeps disconnecting")
            .AssertReplyContains("IT help assistant")
            .AssertReplyContains("Sounds like a VPN problem")
            .StartTestAsync();
    }

    [Fact]
    public async Task Flow_Escalates_MainDialogHandsOverWithContact()
    {
        await Welcomed()
            .Send("vpn").AssertReplyContains("Sounds like a VPN problem")
            .Send("yes").AssertReplyContains(FlowIntro).AssertReplyContains("What's happening with the VPN?")
            .Send("This didn't help")
            .AssertReplyContains("Sorry that didn't do it")
            .AssertReply(_texts.TalkToPerson)
            .Send("purple elephants dancing")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.NotFound, Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task Flow_Resolved_BackToTheMenuNextTime()
    {
        await Welcomed()
            .Send("vpn").AssertReplyContains("Sounds like a VPN problem")
            .Send("yes").AssertReplyContains(FlowIntro).AssertReplyContains("What's happening with the VPN?")
            .Send("It connects, then drops").AssertReplyContains("connection underneath")
            .Send("Done").AssertReplyContains("When does it drop?")
            .Send("1").AssertReplyContains("expected")
            .Send("yes").AssertReplyContains("by design")
            .AssertNoReply()
            .Send("agent")
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Fact]
    public async Task Flow_CancelMidFlow_StopsAndNextMessageRoutesAfresh()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem).AssertReplyContains("What kind of problem")
            .Send("VPN").AssertReplyContains(FlowIntro).AssertReplyContains("What's happening")
            .Send("cancel")
            .AssertReplyContains("cancelled")
            .Send("agent")
            .AssertReply(_texts.TalkToPerson)
            .StartTestAsync();
    }

    [Fact]
    public async Task Flow_StartOverMidFlow_ShowsMenu()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem).AssertReplyContains("What kind of problem")
            .Send("VPN").AssertReplyContains(FlowIntro).AssertReplyContains("What's happening")
            .Send("start over")
            .AssertReplyWithSuggestedActions(_texts.MenuPrompt, Menu)
            .Send("VPN")
            .AssertReplyContains("Sounds like a VPN problem")
            .StartTestAsync();
    }

    [Fact]
    public async Task Flow_HelpMidFlow_ShowsHelpAndAsksTheStepAgain()
    {
        await Welcomed()
            .Send(MainMenu.FixProblem).AssertReplyContains("What kind of problem")
            .Send("VPN").AssertReplyContains(FlowIntro).AssertReplyContains("What's happening")
            .Send("It won't connect").AssertReplyContains("Contoso office")
            .Send("help")
            .AssertReply(_texts.Help)
            .AssertReply(a =>
            {
                Assert.StartsWith("Are you in a Contoso office", a.Text, StringComparison.Ordinal);
                Assert.Equal(["Yes", "No", "Back", "This didn't help"], a.SuggestedActions!.Actions!.Select(b => b.Title));
            }, "the same step again")
            .Send("no")
            .AssertReplyContains("bing.com")
            .StartTestAsync();
    }

    [Fact]
    public async Task Dialog_ServerRestartsMidFlow_ContinuesFromStoredState()
    {
        var path = Path.Combine(Path.GetTempPath(), $"helpdesk-bot-{Guid.NewGuid():N}.db");
        try
        {
            await NewFlow(new SqliteStorage(SqliteDatabase.ForFile(path), TimeProvider.System))
                .Send("hi").AssertReplyContains("IT help").AssertReply(_texts.MenuPrompt)
                .Send("printer offline").AssertReplyContains("Sounds like a printer problem")
                .Send("yes").AssertReplyContains(FlowIntro).AssertReplyContains("What's the printer doing?")
                .Send("It shows as offline").AssertReplyContains("printer's name")
                .StartTestAsync();

            // New storage, bot, dialogs and adapter over the same database file: a restarted server.
            await NewFlow(new SqliteStorage(SqliteDatabase.ForFile(path), TimeProvider.System))
                .Send("LON-3F-MFP01")
                .AssertReplyContains("Is it switched on and showing a ready screen")
                .Send("back")
                .AssertReplyContains("printer's name")
                .StartTestAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Invoke_HealthCheck_AnswersSuccessInTheInvokeResponse()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var bot = TestHelpdeskBot.Create(conversationState, _texts);
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
        var bot = TestHelpdeskBot.Create(conversationState, _texts);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversationState));
        return new TestFlow(adapter, bot);
    }
}

using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Knowledge;
using Helpdesk.Skills.LanguageModel;
using Helpdesk.Skills.Tests.Knowledge;
using Moq;

namespace Helpdesk.Skills.Tests.LanguageModel;

/// <summary>
/// The knowledge dialog with a (Moq'd) grounded answerer over the real own-articles index: an answer citing retrieved
/// articles replaces the card; anything else falls back to the plain card; the yes/no loop stays.
/// </summary>
public sealed class GroundedKnowledgeDialogTests
{
    private const string Question = "outlook keeps crashing when i open it";
    private const string Best = "outlook-crashes";
    private const string Answer = "1. Start Outlook in safe mode.\n2. Turn off add-ins one by one.";

    private static readonly string[] YesNo = [YesNoPrompt.Yes, YesNoPrompt.No];

    private readonly Mock<IGroundedAnswerer> _answerer = new();
    private readonly List<GroundedQuestion> _questions = [];

    public GroundedKnowledgeDialogTests() => _answerer.SetupGet(a => a.IsEnabled).Returns(true);

    [Fact]
    public async Task Question_CitedAnswer_ShowsAnswerWithSourceLinksThenYesResolves()
    {
        Answers(new GroundedAnswer(Answer, [Best], Covered: true));
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow()
            .Send(Question)
            .AssertReply(
                reply =>
                {
                    Assert.Null(reply.Attachments);
                    Assert.Equal(TextFormatTypes.Markdown, reply.TextFormat);
                    Assert.StartsWith(Answer, reply.Text, StringComparison.Ordinal);
                    Assert.Contains("**Sources:** [Outlook crashes or freezes](/kb/outlook-crashes)", reply.Text, StringComparison.Ordinal);
                    Assert.EndsWith(GeneratedAnswerRenderer.GeneratedNote, reply.Text, StringComparison.Ordinal);
                },
                "the generated answer citing its article")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.DidThisSolveIt, YesNo)
            .Send("Yes")
            .AssertReply(KnowledgeTexts.Glad)
            .StartTestAsync();

        Assert.Equal([SkillOutcome.Resolved], harness.Outcomes);
        var row = Assert.Single(harness.Feedback.Rows);
        Assert.Equal((Best, true), (row.Impression.ArticleId, row.Helped));
        var question = Assert.Single(_questions);
        Assert.Equal(Question, question.Question);
        Assert.Equal(Best, question.Passages[0].ArticleId);
        Assert.Contains(question.Passages, p => p.Text.Contains("safe mode", StringComparison.OrdinalIgnoreCase));
        var file = await harness.CaseFileAsync();
        Assert.Contains(file.StepsTried, s => s.Step.StartsWith("Showed an answer generated from the help articles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_AfterGeneratedAnswer_TheOtherArticlesThenEscalates()
    {
        Answers(new GroundedAnswer(Answer, [Best], Covered: true));
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow()
            .Send(Question)
            .AssertReply(reply => Assert.StartsWith(Answer, reply.Text, StringComparison.Ordinal), "answer")
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .Send("no")
            .AssertReply(reply => Assert.DoesNotContain(CardUrls(reply), u => u.EndsWith("/kb/" + Best, StringComparison.Ordinal)), "the other articles, not the cited one again")
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .Send("no")
            .AssertReply(KnowledgeTexts.NotSolved)
            .StartTestAsync();

        Assert.Equal(EscalationTrigger.KnowledgeNotHelpful, Assert.Single(harness.Outcomes).Escalation!.Trigger);
    }

    [Theory]
    [InlineData("made-up-article")]
    [InlineData("")]
    public async Task Question_AnswerCitingNothingRetrieved_PlainCard(string cited)
    {
        Answers(new GroundedAnswer("Reinstall Windows.", cited.Length == 0 ? [] : [cited], Covered: true));
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow()
            .Send(Question)
            .AssertReply(reply => AssertPlainCard(reply, KnowledgeTexts.BestMatch), "the plain card")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.DidThisSolveIt, YesNo)
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_NotCovered_CardSaysClosestMatch()
    {
        Answers(GroundedAnswer.NotCovered);
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow()
            .Send(Question)
            .AssertReply(reply => AssertPlainCard(reply, KnowledgeTexts.ClosestMatch), "the closest card")
            .AssertReplyWithSuggestedActions(KnowledgeTexts.DidThisSolveIt, YesNo)
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_NoAnswer_TheOfflineCard()
    {
        Answers(null);
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow()
            .Send(Question)
            .AssertReply(reply => AssertPlainCard(reply, KnowledgeTexts.BestMatch), "the plain card")
            .AssertReply(KnowledgeTexts.DidThisSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_WithASecret_AnswererSeesItRedacted()
    {
        Answers(null);
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow().Send(Question + " password: Hunter2-Secret!").AssertReply(_ => { }, "card").StartTestAsync();

        Assert.DoesNotContain("Hunter2-Secret!", Assert.Single(_questions).Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_NoConfidentArticle_AnswererNeverAsked()
    {
        Answers(new GroundedAnswer(Answer, [Best], Covered: true));
        var harness = new KnowledgeDialogHarness(answerer: _answerer.Object);

        await harness.Flow().Send("purple elephants dancing").AssertReply(KnowledgeTexts.NotFound).StartTestAsync();

        Assert.Empty(_questions);
    }

    private void Answers(GroundedAnswer? answer) =>
        _answerer.Setup(a => a.AnswerAsync(It.IsAny<GroundedQuestion>(), It.IsAny<CancellationToken>()))
            .Callback((GroundedQuestion q, CancellationToken _) => _questions.Add(q))
            .ReturnsAsync(answer);

    private static void AssertPlainCard(Activity reply, string heading)
    {
        var card = Assert.IsType<JsonObject>(Assert.Single(reply.Attachments!).Content);
        Assert.Equal(heading, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(CardUrls(reply), u => u.EndsWith("/kb/" + Best, StringComparison.Ordinal));
        Assert.DoesNotContain("Reinstall", reply.Text ?? string.Empty, StringComparison.Ordinal);
    }

    private static List<string> CardUrls(Activity reply) =>
        [.. Assert.IsType<JsonObject>(Assert.Single(reply.Attachments!).Content)["body"]!.AsArray().Skip(1)
            .SelectMany(c => c!["items"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() == "ActionSet"))
            .SelectMany(s => s!["actions"]!.AsArray()).Select(a => a!["url"]!.GetValue<string>())];
}

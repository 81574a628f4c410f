using System.Text.Json;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Routing;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.Hosting;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>Every way a conversation reaches a person: asked (with deflection once), frustration, the KB failing twice, bot errors.</summary>
public sealed class EscalationTriggerTests
{
    [Fact]
    public async Task TalkToPerson_PlainQuestion_BestArticleOfferedOnceThenEscalatedWithFeedback()
    {
        await using var host = KnowledgeHost();
        await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("talk to a person");

        var offered = UserChat.Texts(await chat.SayAsync("outlook keeps crashing when I open attachments"));
        Assert.Contains("**Outlook crashes or freezes**", offered, StringComparison.Ordinal);
        Assert.Contains("Did this solve it?", offered, StringComparison.Ordinal);
        Assert.Contains("number 1", UserChat.Texts(await chat.SayAsync("No, connect me to a person")), StringComparison.Ordinal);

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        var context = JsonDocument.Parse(handoff.ContextJson).RootElement;
        var article = Assert.Single(context.GetProperty("articlesShown").EnumerateArray());
        Assert.Equal("outlook-crashes", article.GetProperty("id").GetString());
        Assert.False(article.GetProperty("helped").GetBoolean());
        Assert.Equal("email/outlook", handoff.Category);
        Assert.Equal("outlook keeps crashing when I open attachments", context.GetProperty("captured").GetProperty("problem_description").GetString());
    }

    [Fact]
    public async Task TalkToPerson_ArticleSolvedIt_NoCase()
    {
        await using var host = KnowledgeHost();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("talk to a person");
        await chat.SayAsync("outlook keeps crashing when I open attachments");

        Assert.Contains("glad that sorted it", UserChat.Texts(await chat.SayAsync("Yes, that solved it")), StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TalkToPerson_UserInsists_NoDeflection()
    {
        await using var host = KnowledgeHost();
        await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        var text = UserChat.Texts(await chat.SayAsync("I want a real person, not a bot"));

        Assert.DoesNotContain("Did this solve it", text, StringComparison.Ordinal);
        Assert.Contains("number 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frustration_UserIsFedUp_EscalatedAtOnce()
    {
        await using var host = new HandoffTestHost();
        await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("Fix a problem");

        var text = UserChat.Texts(await chat.SayAsync("this is useless, nothing works"));

        Assert.Contains("sorry this has been frustrating", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("number 1", text, StringComparison.Ordinal);
        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(EscalationTrigger.Frustration, handoff.Trigger);
    }

    [Theory]
    [InlineData("this is useless", true)]
    [InlineData("WHY DOES NOTHING WORK HERE", true)]
    [InlineData("it still fails!!!", true)]
    [InlineData("restarting doesn't help, the vpn still drops", false)]
    [InlineData("VPN", false)]
    [InlineData("my printer is offline", false)]
    public void IsFrustrated_Signals(string text, bool expected) => Assert.Equal(expected, EscalationSignalsMiddleware.IsFrustrated(text));

    [Fact]
    public async Task KnowledgeNotHelpfulTwice_EscalatedAfterTheTurn()
    {
        await using var host = new HandoffTestHost(services: s => s.AddProactiveAdapter<TestAdapter>("test"));
        await host.SignInAgentAsync();
        var adapter = new TestAdapter(timeProvider: host.Time);
        host.Services.GetRequiredService<TurnPipeline>().Attach(adapter);
        var caseFiles = host.Services.GetRequiredService<CaseFileAccessor>();
        BotCallbackHandler kbSkill = async (turn, ct) =>
        {
            // What the KB skill records: an article shown and the user's "no" — twice over the conversation.
            var file = await caseFiles.GetAsync(turn, ct);
            var id = "article-" + file.ArticlesShown.Count;
            file.AddArticle(id, "Article " + file.ArticlesShown.Count, turn.Activity.Text!, host.Time.GetUtcNow());
            file.SetArticleFeedback(id, false, host.Time.GetUtcNow());
            await turn.SendActivityAsync("Sorry that didn't help.", ct);
        };

        await new TestFlow(adapter, kbSkill)
            .Send("how do I map a network drive")
            .AssertReply("Sorry that didn't help.")
            .AssertNoReply()
            .Send("map drive still not working")
            .AssertReply("Sorry that didn't help.")
            .AssertReplyContains("handing this to the service desk")
            .AssertReplyContains("number 1")
            .StartTestAsync();

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(EscalationTrigger.KnowledgeNotHelpful, handoff.Trigger);
        Assert.Equal(2, JsonDocument.Parse(handoff.ContextJson).RootElement.GetProperty("articlesShown").GetArrayLength());
    }

    [Fact]
    public async Task BotErrors_SecondFailure_EscalatedWithBotErrorTrigger()
    {
        await using var host = new HandoffTestHost(services: s => s.AddProactiveAdapter<TestAdapter>("test"));
        await host.SignInAgentAsync();
        var adapter = new TestAdapter(timeProvider: host.Time);
        host.Services.GetRequiredService<TurnPipeline>().Attach(adapter);

        await new TestFlow(adapter, (_, _) => throw new InvalidOperationException("broken skill"))
            .Send("reset my password")
            .AssertReplyContains("Sorry, something went wrong")
            .AssertNoReply()
            .Send("reset my password please")
            .AssertReplyContains("Sorry, something went wrong")
            .AssertReplyContains("number 1")
            .StartTestAsync();

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(EscalationTrigger.BotError, handoff.Trigger);
        Assert.Contains("InvalidOperationException", handoff.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("reset my password please", handoff.Reason, StringComparison.Ordinal);
    }

    /// <summary>The real host with the real index of the project's own articles and deflection on.</summary>
    private static HandoffTestHost KnowledgeHost() => new(settings: new Dictionary<string, string?> { ["Handoff:Deflection"] = "true" });
}

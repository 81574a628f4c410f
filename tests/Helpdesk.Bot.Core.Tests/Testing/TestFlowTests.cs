using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Testing;

public sealed class TestFlowTests
{
    private static readonly BotCallbackHandler Echo = async (ctx, ct) =>
    {
        if (ctx.Activity.IsType(ActivityTypes.ConversationUpdate))
        {
            foreach (var member in ctx.Activity.MembersAdded ?? [])
            {
                if (member.Id != ctx.Activity.Recipient?.Id)
                {
                    await ctx.SendActivityAsync($"Welcome {member.Id}", ct);
                }
            }

            return;
        }

        if (ctx.Activity.Text == "silence")
        {
            return;
        }

        if (ctx.Activity.Text == "buttons")
        {
            await ctx.SendActivityAsync(MessageFactory.SuggestedActions(["Red", "Green"], "Pick a colour"), ct);
            return;
        }

        if (ctx.Activity.Text == "card")
        {
            await ctx.SendActivityAsync(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = "card-body" }), ct);
            return;
        }

        await ctx.SendActivityAsync($"You said {ctx.Activity.Text}", ct);
    };

    [Fact]
    public async Task StartTestAsync_MatchingConversation_Passes()
    {
        var adapter = new TestAdapter();

        await new TestFlow(adapter, Echo)
            .SendConversationUpdate()
            .AssertReply("Welcome user1")
            .Send("hi").AssertReply("You said hi")
            .Test("again", "You said again")
            .Send("hello there").AssertReplyContains("hello")
            .Send("x").AssertReplyOneOf("nope", "You said x")
            .Send("buttons").AssertReplyWithSuggestedActions("Pick a colour", "Red", "Green")
            .Send("buttons").AssertSuggestedActions("Red", "Green")
            .Send("card").AssertAttachment(AttachmentContentTypes.AdaptiveCard, a => Assert.Equal("card-body", a.Content))
            .Send("silence").AssertNoReply()
            .Send(new Activity { Text = "custom", Locale = "fr-FR" }).AssertReply(a => Assert.Equal("fr-FR", a.Locale), "a reply in French locale")
            .StartTestAsync();

        Assert.Equal(0, adapter.PendingReplyCount);
    }

    [Fact]
    public async Task AssertReply_WrongText_FailsWithStepExpectedActualAndUserMessage()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("hi").AssertReply("Hello");

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("step 2 of 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected a message with the text \"Hello\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but got a message with the text \"You said hi\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after the user sent \"hi\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertReply_BotSilent_FailsSayingNothingWasSent()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("silence").AssertReply("anything");

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("the bot sent nothing more", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertNoReply_PendingReplies_FailsListingThem()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("buttons").AssertNoReply();

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("expected no reply", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"Pick a colour\" and suggested actions [Red | Green]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertSuggestedActions_DifferentButtons_FailsShowingActualButtons()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("buttons").AssertSuggestedActions("Red", "Blue");

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("suggested actions [Red | Blue]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("suggested actions [Red | Green]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertAttachment_NoAttachment_Fails()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("hi").AssertAttachment(AttachmentContentTypes.AdaptiveCard);

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("attachment of type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertReply_InspectorThrows_WrapsWithStepAndKeepsInnerMessage()
    {
        var flow = new TestFlow(new TestAdapter(), Echo).Send("hi").AssertReply(a => Assert.Equal("nope", a.Text), "the text nope");

        var ex = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("AssertReply(the text nope)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("You said hi", ex.Message, StringComparison.Ordinal);
        Assert.IsType<Xunit.Sdk.EqualException>(ex.InnerException);
    }

    [Fact]
    public async Task Send_NonMessageActivity_ReachesBotWithItsType()
    {
        var adapter = new TestAdapter();
        var types = new List<string?>();

        await new TestFlow(adapter, (ctx, _) =>
            {
                types.Add(ctx.Activity.Type);
                return Task.CompletedTask;
            })
            .Send(new Activity { Type = ActivityTypes.Event, Name = "ping" })
            .SendConversationUpdate(new ChannelAccount("someone"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal([ActivityTypes.Event, ActivityTypes.ConversationUpdate], types);
    }

    [Fact]
    public async Task Builder_BranchesFromOneFlow_DoNotShareSteps()
    {
        var adapter = new TestAdapter();
        var turns = 0;
        var root = new TestFlow(adapter, (_, _) =>
        {
            turns++;
            return Task.CompletedTask;
        }).Send("a");

        var longer = root.Send("b").Send("c");
        await root.StartTestAsync();
        Assert.Equal(1, turns);

        await longer.StartTestAsync();
        Assert.Equal(4, turns);
    }

    [Fact]
    public async Task Do_BetweenSteps_RunsInOrder()
    {
        var log = new List<string>();
        await new TestFlow(new TestAdapter(), (ctx, _) =>
            {
                log.Add($"turn {ctx.Activity.Text}");
                return Task.CompletedTask;
            })
            .Send("1")
            .Do(() =>
            {
                log.Add("do");
                return Task.CompletedTask;
            })
            .Send("2")
            .StartTestAsync();

        Assert.Equal(["turn 1", "do", "turn 2"], log);
    }
}

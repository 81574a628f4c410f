using System.Text.Json;
using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task WaterfallDialog_MultiTurn_CollectsAnswersAcrossTurns()
    {
        var harness = new DialogHarness(new TicketDialog());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Alice").AssertReply("How many devices, Alice?")
            .Send("25").AssertReply("Between 1 and 20, please.")
            .Send("2").AssertReplyWithSuggestedActions("Open a ticket for Alice with 2 devices?", "Yes", "No")
            .Send("yes").AssertReply("Done: ticket for Alice x2")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.All(harness.Results.SkipLast(1), r => Assert.Equal(DialogTurnStatus.Waiting, r.Status));
    }

    [Fact]
    public async Task WaterfallDialog_AfterCompletion_NextMessageStartsAgain()
    {
        var harness = new DialogHarness(new TicketDialog());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Bob").AssertReply("How many devices, Bob?")
            .Send("1").AssertReply("Open a ticket for Bob with 1 devices?")
            .Send("no").AssertReply("Done: not opened")
            .Send("hello again").AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_PromptGivesUp_StepOffersWayOut()
    {
        var harness = new DialogHarness(new TicketDialog());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Carol").AssertReply("How many devices, Carol?")
            .Send("lots").AssertReply("Between 1 and 20, please.")
            .Send("100").AssertReply("Between 1 and 20, please.")
            .Send("a million").AssertReply("Let's leave it there. Say \"menu\" to start over.")
            .AssertReply("Done: gave up")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_Waiting_StepIndexOptionsAndValuesAreInConversationState()
    {
        var harness = new DialogHarness(new TicketDialog());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Dana").AssertReply("How many devices, Dana?")
            .StartTestAsync();

        var stored = await harness.Storage.ReadAsync(["test/conversations/conversation1"], default);
        var root = stored["test/conversations/conversation1"].Value.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(1, root.GetArrayLength());
        Assert.Equal("ticket", root[0].GetProperty("id").GetString());
        var inner = root[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["devices", "ticket-steps"], inner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var waterfall = inner[1].GetProperty("state");
        Assert.Equal(1, waterfall.GetProperty("stepIndex").GetInt32());
        Assert.Equal("Dana", waterfall.GetProperty("values").GetProperty("name").GetString());
        var prompt = inner[0].GetProperty("state");
        Assert.Equal(0, prompt.GetProperty("attempts").GetInt32());
        Assert.Equal("How many devices, Dana?", prompt.GetProperty("options").GetProperty("prompt").GetProperty("text").GetString());
    }

    [Fact]
    public async Task WaterfallDialog_NextAsync_RunsNextStepInSameTurn()
    {
        var waterfall = new WaterfallDialog("w")
            .AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync("one", ct);
                return await step.NextAsync("from one", ct);
            })
            .AddStep(async (step, ct) =>
            {
                Assert.Equal(DialogReason.NextCalled, step.Reason);
                await step.Context.SendActivityAsync($"two got {step.Result}", ct);
                return Dialog.EndOfTurn;
            })
            .AddStep((step, ct) => step.EndDialogAsync($"three got {step.Result}", ct));
        var harness = new DialogHarness(waterfall);

        await harness.Flow()
            .Send("go").AssertReply("one").AssertReply("two got from one").AssertNoReply()
            .Send("typed text").AssertReply("Done: three got typed text")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_NextAsyncCalledTwice_Throws()
    {
        var waterfall = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (_, _) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var harness = new DialogHarness(waterfall);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("go").StartTestAsync());
        Assert.Contains("NextAsync was already called", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaterfallDialog_NonMessageActivity_DoesNotAdvance()
    {
        var waterfall = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("waiting", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]);
        var harness = new DialogHarness(waterfall);

        await harness.Flow()
            .Send("go").AssertReply("waiting")
            .Send(new Activity { Type = ActivityTypes.Event, Name = "ping" }).AssertNoReply()
            .Send("answer").AssertReply("Done: answer")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_Options_ReadTypedInLaterTurns()
    {
        var outer = new ComponentDialog("outer");
        outer.AddDialog(new WaterfallDialog("starter", [(step, ct) => step.BeginDialogAsync("worker", new TicketRequest("Erin", 3), ct)]));
        outer.AddDialog(new WaterfallDialog("worker",
        [
            (step, _) => Task.FromResult(Dialog.EndOfTurn),
            (step, ct) =>
            {
                Assert.IsType<JsonElement>(step.Options);
                var request = step.GetOptions<TicketRequest>()!;
                return step.EndDialogAsync($"{request.Name}/{request.Devices}", ct);
            },
        ]));
        var harness = new DialogHarness(outer, jsonEveryTurn: true);

        await harness.Flow()
            .Send("go").AssertNoReply()
            .Send("next").AssertReply("Done: Erin/3")
            .StartTestAsync();
    }

    [Fact]
    public async Task WaterfallDialog_NoSteps_EndsImmediately()
    {
        var harness = new DialogHarness(new WaterfallDialog("empty"));

        await harness.Flow().Send("go").AssertReply("Done: ").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results.Single().Status);
    }

    [Fact]
    public async Task WaterfallDialog_ValuesBag_TypedValuesSurviveRoundTrip()
    {
        var waterfall = new WaterfallDialog("w",
        [
            (step, _) =>
            {
                step.Values["count"] = 41;
                step.Values["tags"] = new List<string> { "vpn", "laptop" };
                step.Values["request"] = new TicketRequest("Finn", 2);
                return Task.FromResult(Dialog.EndOfTurn);
            },
            (step, ct) =>
            {
                Assert.IsType<JsonElement>(step.Values["count"]);
                var count = step.Values.GetValue<int>("count") + 1;
                var tags = step.Values.GetValue<List<string>>("tags")!;
                var request = step.Values.GetValue<TicketRequest>("request")!;
                Assert.IsType<TicketRequest>(step.Values["request"]);
                return step.EndDialogAsync($"{count} {string.Join('+', tags)} {request.Name}", ct);
            },
        ]);
        var harness = new DialogHarness(waterfall, jsonEveryTurn: true);

        await harness.Flow()
            .Send("go").AssertNoReply()
            .Send("next").AssertReply("Done: 42 vpn+laptop Finn")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_ExtensionOnDialog_BeginsThenContinues()
    {
        var adapter = new TestAdapter();
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>("stack");
        var dialog = new WaterfallDialog("w", [(_, _) => Task.FromResult(Dialog.EndOfTurn), (step, ct) => step.EndDialogAsync(step.Result, ct)]);
        var results = new List<DialogTurnResult>();
        BotCallbackHandler bot = async (ctx, ct) =>
        {
            results.Add(await DialogRunner.RunAsync(dialog, ctx, accessor, ct));
            await state.SaveChangesAsync(ctx, false, ct);
        };

        await adapter.SendTextToBotAsync("first", bot);
        await adapter.SendTextToBotAsync("second", bot);

        Assert.Equal(DialogTurnStatus.Waiting, results[0].Status);
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "second"), results[1]);
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Prompts;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    [Fact]
    public async Task ComponentDialog_NestedComponents_ChildResultFlowsToParentWaterfall()
    {
        var harness = new DialogHarness(BuildOnboarding());

        await harness.Flow()
            .Send("hi").AssertReply("Welcome! Let's get you set up.")
            .AssertReply("What's your name?")
            .Send("Gus").AssertReply("How many devices, Gus?")
            .Send("3").AssertReply("Open a ticket for Gus with 3 devices?")
            .Send("yes").AssertReply("Ticket step said: ticket for Gus x3")
            .AssertReply("Anything else to add?")
            .Send("no").AssertReply("Done: onboarding finished")
            .StartTestAsync();
    }

    [Fact]
    public async Task ComponentDialog_Nested_InnerStacksAreSavedInsideParentInstances()
    {
        var harness = new DialogHarness(BuildOnboarding());

        await harness.Flow()
            .Send("hi").AssertReply("Welcome! Let's get you set up.").AssertReply("What's your name?")
            .StartTestAsync();

        var stored = await harness.Storage.ReadAsync(["test/conversations/conversation1"], default);
        var outer = stored["test/conversations/conversation1"].Value.GetProperty("DialogState").GetProperty("dialogStack");
        Assert.Equal(["onboarding"], outer.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var middle = outer[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["ticket", "onboarding-steps"], middle.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var inner = middle[0].GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(["name", "ticket-steps"], inner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CancelAllDialogsAsync_OnComponent_CancelsInnerDialogsToo()
    {
        var log = new List<string>();
        var component = new ComponentDialog("outer");
        component.AddDialog(new WaterfallDialog("outer-steps", [(step, ct) => step.BeginDialogAsync("inner", null, ct)]));
        component.AddDialog(new RecordingDialog("inner", log));
        var harness = new DialogHarness(component, useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("inner asks")
            .Send("cancel").AssertReply(new InterruptionOptions().CancelMessage)
            .StartTestAsync();

        Assert.Equal(["inner:begin", "inner:end:CancelCalled"], log);
        Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status);
    }

    [Fact]
    public async Task ComponentDialog_InitialDialogIdSet_StartsThatDialog()
    {
        var log = new List<string>();
        var component = new StartsSecondDialog(log);
        var harness = new DialogHarness(component);

        await harness.Flow()
            .Send("hi").AssertReply("second asks")
            .Send("answer").AssertReply("Done: second:answer")
            .StartTestAsync();

        Assert.Equal(["second:begin", "second:end:EndCalled"], log);
    }

    [Fact]
    public async Task ComponentDialog_InnerDialogEndsImmediately_ComponentCompletesSameTurn()
    {
        var component = new ComponentDialog("instant");
        component.AddDialog(new WaterfallDialog("steps", [(step, ct) => step.EndDialogAsync("quick", ct)]));
        var harness = new DialogHarness(component);

        await harness.Flow().Send("hi").AssertReply("Done: quick").StartTestAsync();
    }

    [Fact]
    public void AddDialog_SameIdTwice_Throws()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new TextPrompt("p"));

        var ex = Assert.Throws<InvalidOperationException>(() => component.AddDialog(new TextPrompt("p")));
        Assert.Contains("'p'", ex.Message, StringComparison.Ordinal);
    }

    private static ComponentDialog BuildOnboarding()
    {
        var onboarding = new ComponentDialog("onboarding");
        onboarding.AddDialog(new WaterfallDialog("onboarding-steps",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Welcome! Let's get you set up.", ct);
                return await step.BeginDialogAsync("ticket", null, ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Ticket step said: {step.Result}", ct);
                return await step.PromptAsync("more", PromptOptions.FromText("Anything else to add?"), ct);
            },
            (step, ct) => step.EndDialogAsync("onboarding finished", ct),
        ]));
        onboarding.AddDialog(new TicketDialog());
        onboarding.AddDialog(new TextPrompt("more"));
        return onboarding;
    }

    private sealed class StartsSecondDialog : ComponentDialog
    {
        public StartsSecondDialog(List<string> log)
            : base("starts-second")
        {
            AddDialog(new RecordingDialog("first", log));
            AddDialog(new RecordingDialog("second", log));
            InitialDialogId = "second";
        }
    }
}

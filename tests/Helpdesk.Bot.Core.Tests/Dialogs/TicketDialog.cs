using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Prompts;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>
/// A three-question waterfall (text, number 1–20, confirm) inside a component, keeping its answers in the
/// persisted Values bag. Ends with "ticket for {name} x{devices}", "not opened", "gave up" or "no answer".
/// </summary>
internal sealed class TicketDialog : ComponentDialog
{
    public TicketDialog(int confirmAttempts = 3)
        : base("ticket")
    {
        AddDialog(new WaterfallDialog("ticket-steps", [AskNameAsync, AskDevicesAsync, ConfirmAsync, FinishAsync]));
        AddDialog(new TextPrompt("name"));
        AddDialog(new NumberPrompt<int>("devices", PromptValidators.Range(1, 20)));
        AddDialog(new ConfirmPrompt("confirm"));
        ConfirmAttempts = confirmAttempts;
    }

    private int ConfirmAttempts { get; }

    private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("name", PromptOptions.FromText("What's your name?"), ct);

    private static Task<DialogTurnResult> AskDevicesAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var name = ((PromptResult<string>)step.Result!).Value!;
        step.Values["name"] = name;
        return step.PromptAsync("devices", PromptOptions.FromText($"How many devices, {name}?", "Between 1 and 20, please."), ct);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var devices = (PromptResult<int>)step.Result!;
        if (!devices.Succeeded)
        {
            await step.Context.SendActivityAsync("Let's leave it there. Say \"menu\" to start over.", ct);
            return await step.EndDialogAsync("gave up", ct);
        }

        var name = step.Values.GetValue<string>("name")!;
        step.Values["request"] = new TicketRequest(name, devices.Value);
        var options = PromptOptions.FromText($"Open a ticket for {name} with {devices.Value} devices?") with { MaxAttempts = ConfirmAttempts };
        return await step.PromptAsync("confirm", options, ct);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var confirmed = (PromptResult<bool>)step.Result!;
        var request = step.Values.GetValue<TicketRequest>("request")!;
        var outcome = !confirmed.Succeeded ? "no answer" : confirmed.Value ? $"ticket for {request.Name} x{request.Devices}" : "not opened";
        return step.EndDialogAsync(outcome, ct);
    }
}

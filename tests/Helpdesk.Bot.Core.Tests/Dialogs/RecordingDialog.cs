using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>Waits for one message, then ends with its text; records how it was ended and re-prompted.</summary>
internal sealed class RecordingDialog(string id, List<string> log) : Dialog(id)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        log.Add($"{Id}:begin");
        await dc.Context.SendActivityAsync($"{Id} asks", cancellationToken);
        return EndOfTurn;
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync($"{Id}:{dc.Context.Activity.Text}", cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        log.Add($"{Id}:reprompt");
        return turnContext.SendActivityAsync($"{Id} asks again", cancellationToken);
    }

    public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        log.Add($"{Id}:end:{reason}");
        return Task.CompletedTask;
    }
}

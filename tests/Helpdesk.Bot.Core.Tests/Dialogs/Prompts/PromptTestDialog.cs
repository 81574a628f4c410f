using System.Globalization;
using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Prompts;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Prompts;

/// <summary>
/// Runs one prompt inside a waterfall and ends with a line describing its result:
/// "value=… attempts=N" or "failed attempts=N" (the harness then says "Done: …").
/// </summary>
internal sealed class PromptTestDialog<T> : ComponentDialog
{
    public PromptTestDialog(Prompt<T> prompt, PromptOptions options, Func<T?, string>? format = null)
        : base("prompt-test")
    {
        format ??= value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
        AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            (step, ct) =>
            {
                var result = Assert.IsType<PromptResult<T>>(step.Result);
                var line = result.Succeeded
                    ? $"value={format(result.Value)} attempts={result.Attempts}"
                    : $"failed attempts={result.Attempts}";
                return step.EndDialogAsync(line, ct);
            },
        ]));
        AddDialog(prompt);
    }
}

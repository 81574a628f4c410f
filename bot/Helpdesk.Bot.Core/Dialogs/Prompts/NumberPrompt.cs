using System.Numerics;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Asks for a number (int, double, decimal…), read culture-invariantly. Limit the range with a validator,
/// for example <see cref="PromptValidators.Range{T}"/>.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(NumberText.TryParse<T>(turnContext.Activity.Text, out var value)
            ? new PromptRecognizerResult<T>(true, value)
            : new PromptRecognizerResult<T>(false));
    }
}

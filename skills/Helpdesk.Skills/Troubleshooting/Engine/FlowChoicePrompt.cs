using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>A choice prompt whose buttons are rendered for the channel (<see cref="ChoiceRenderer"/>).</summary>
internal sealed class FlowChoicePrompt(string dialogId, ChoiceRecognizerOptions? recognizerOptions = null) : Prompt<FoundChoice>(dialogId)
{
    private readonly ChoiceRecognizer _recognizer = new(recognizerOptions);

    protected override void ValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"The prompt '{Id}' needs PromptOptions.Choices.", nameof(options));
        }
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = SelectPrompt(options, isRetry)?.Text ?? string.Empty;
        var activity = ChoiceRenderer.Render(text, [.. (options.Choices ?? []).Select(c => c.Value)]);
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var recognition = _recognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(recognition.Succeeded
            ? new PromptRecognizerResult<FoundChoice>(true, recognition.Choice)
            : new PromptRecognizerResult<FoundChoice>(false));
    }
}

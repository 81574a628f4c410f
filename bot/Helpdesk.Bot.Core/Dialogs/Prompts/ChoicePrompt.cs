using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as quick-reply buttons unless another
/// <see cref="ListStyle"/> is set. Answers are matched by <see cref="ChoiceRecognizer"/>: the button text or a synonym,
/// the number, or a close enough wording ("pasword reset"); an ambiguous answer is asked again, never guessed.
/// The result is a <see cref="PromptResult{T}"/> of <see cref="FoundChoice"/>.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    private readonly ChoiceRecognizer _recognizer;

    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, ChoiceRecognizerOptions? recognizerOptions = null)
        : base(dialogId, validator)
    {
        _recognizer = new ChoiceRecognizer(recognizerOptions);
    }

    /// <summary>How choices are shown when the options do not say.</summary>
    public ListStyle Style { get; init; } = ListStyle.SuggestedAction;

    protected override void ValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"The choice prompt '{Id}' needs PromptOptions.Choices.", nameof(options));
        }
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = ChoiceFactory.Render(SelectPrompt(options, isRetry), options.Choices ?? [], options.Style ?? Style);
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

using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question with Yes and No buttons. Understands the button texts, their numbers ("1"/"2") and the
/// usual words (y, yep, sure, ok, nope, nah, no thanks…) as whole answers — never a word inside a longer sentence, so
/// "I'm not sure" is not a yes. The result is a <see cref="PromptResult{T}"/> of bool.
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    /// <summary>The default Yes choice and the words that mean it.</summary>
    public static Choice DefaultYes { get; } = new("Yes",
    [
        "y", "yes", "yeah", "yea", "ya", "yep", "yup", "sure", "ok", "okay", "k", "correct", "right", "affirmative",
        "absolutely", "of course", "definitely", "certainly", "yes please", "yes thanks", "yes thank you", "please do",
        "go ahead", "do it", "sounds good", "confirm", "confirmed", "true",
    ]);

    /// <summary>The default No choice and the words that mean it.</summary>
    public static Choice DefaultNo { get; } = new("No",
    [
        "n", "no", "nope", "nah", "no thanks", "no thank you", "not really", "negative", "dont", "do not", "never",
        "not now", "no way", "false", "wrong", "incorrect",
    ]);

    private static readonly ChoiceRecognizer Recognizer = new(ChoiceRecognizerOptions.ExactOnly);

    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The yes button and its words.</summary>
    public Choice Yes { get; init; } = DefaultYes;

    /// <summary>The no button and its words.</summary>
    public Choice No { get; init; } = DefaultNo;

    /// <summary>How the two buttons are shown when the options do not say.</summary>
    public ListStyle Style { get; init; } = ListStyle.SuggestedAction;

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = ChoiceFactory.Render(SelectPrompt(options, isRetry), [Yes, No], options.Style ?? Style);
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var recognition = Recognizer.Recognize(turnContext.Activity.Text, [Yes, No]);
        return Task.FromResult(recognition.Succeeded
            ? new PromptRecognizerResult<bool>(true, recognition.Choice!.Index == 0)
            : new PromptRecognizerResult<bool>(false));
    }
}

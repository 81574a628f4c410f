using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Knowledge;

/// <summary>A yes/no question with Yes and No buttons that reads typed answers with <see cref="YesNoAnswer"/> (typos included).</summary>
public sealed class YesNoPrompt(string dialogId) : Prompt<bool>(dialogId)
{
    public const string Yes = "Yes";
    public const string No = "No";

    private static readonly Choice[] Buttons = [new(Yes), new(No)];

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = ChoiceFactory.Render(SelectPrompt(options, isRetry), Buttons, options.Style ?? ListStyle.SuggestedAction);
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(YesNoAnswer.Recognize(turnContext.Activity.Text) is { } answer
            ? new PromptRecognizerResult<bool>(true, answer)
            : new PromptRecognizerResult<bool>(false));
    }
}

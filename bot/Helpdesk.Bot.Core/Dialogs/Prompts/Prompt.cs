using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Asks the user for one value of type <typeparamref name="T"/> and waits. Each answer is recognised, then checked by
/// the validator (if any). A good answer ends the prompt with a successful <see cref="PromptResult{T}"/>; a bad one
/// re-asks (the retry prompt) until <see cref="PromptOptions.MaxAttempts"/> answers were given, after which the prompt
/// ends with a failed result — it never asks forever. Its options and attempt count are saved with the conversation.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = ActivitySerializer.ConvertPayload<PromptOptions>(options)
            ?? throw new ArgumentException($"The prompt '{Id}' must be started with PromptOptions (use DialogContext.PromptAsync).", nameof(options));
        if (promptOptions.MaxAttempts is < 1)
        {
            throw new ArgumentException($"PromptOptions.MaxAttempts must be at least 1 (prompt '{Id}').", nameof(options));
        }

        ValidateOptions(promptOptions);
        var instance = GetInstance(dc);
        instance.State[OptionsKey] = promptOptions;
        instance.State[AttemptsKey] = 0;
        await OnPromptAsync(dc.Context, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var instance = GetInstance(dc);
        var options = GetOptions(instance);
        var attempts = instance.State.GetValue<int>(AttemptsKey) + 1;
        instance.State[AttemptsKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken);
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken);
        if (valid)
        {
            return await dc.EndDialogAsync(new PromptResult<T>(true, recognized.Value, attempts), cancellationToken);
        }

        if (attempts >= (options.MaxAttempts ?? PromptOptions.DefaultMaxAttempts))
        {
            return await dc.EndDialogAsync(new PromptResult<T>(false, default, attempts), cancellationToken);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, options, true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started over the prompt ended (an interruption): ask again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, GetInstance(dc), cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, GetOptions(instance), false, cancellationToken);
    }

    /// <summary>Checks options when the prompt starts (for example that a choice prompt has choices).</summary>
    protected virtual void ValidateOptions(PromptOptions options)
    {
    }

    /// <summary>Sends the question, or on <paramref name="isRetry"/> the retry prompt (the question when none is set).</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = SelectPrompt(options, isRetry)?.Clone();
        if (activity is not null)
        {
            activity.InputHint ??= InputHints.ExpectingInput;
            await turnContext.SendActivityAsync(activity, cancellationToken);
        }
    }

    /// <summary>Reads the value from the user's message.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The retry prompt when retrying and one is set, else the prompt (not copied).</summary>
    protected static Activity? SelectPrompt(PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        return isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
    }

    private static PromptOptions GetOptions(DialogInstance instance) =>
        instance.State.GetValue<PromptOptions>(OptionsKey)
        ?? throw new InvalidOperationException($"The prompt state of '{instance.Id}' has no options.");

    private DialogInstance GetInstance(DialogContext dc) =>
        dc.ActiveDialog is { } active && string.Equals(active.Id, Id, StringComparison.Ordinal)
            ? active
            : throw new InvalidOperationException($"The prompt '{Id}' is not the active dialog.");
}

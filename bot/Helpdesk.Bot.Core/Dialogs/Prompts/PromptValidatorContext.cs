using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> gets: the turn, the recognised answer, the prompt's options.</summary>
public sealed class PromptValidatorContext<T>
{
    public PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Recognized = recognized ?? throw new ArgumentNullException(nameof(recognized));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        AttemptCount = attemptCount;
    }

    /// <summary>The turn (to send an explanation).</summary>
    public ITurnContext Context { get; }

    /// <summary>What the prompt recognised.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's options (including <see cref="PromptOptions.Validations"/>).</summary>
    public PromptOptions Options { get; }

    /// <summary>The number of answers so far, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}

using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// What a prompt asks and how it retries. Saved with the conversation while the prompt waits, so it must stay plain
/// data (activities, choices, JSON-friendly validations).
/// </summary>
public sealed record PromptOptions
{
    /// <summary>The number of answers a prompt accepts when <see cref="MaxAttempts"/> is not set.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The question.</summary>
    public Activity? Prompt { get; init; }

    /// <summary>Sent after an answer that was not understood or not valid; the question again when null.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>The options of a choice prompt.</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>How choices are shown; the prompt's own style when null.</summary>
    public ListStyle? Style { get; init; }

    /// <summary>Extra data for a custom validator (a range, a pattern…).</summary>
    public object? Validations { get; init; }

    /// <summary>
    /// How many answers the user gets (default <see cref="DefaultMaxAttempts"/>). After that many answers that are not
    /// understood or not valid the prompt ends with a failed <see cref="PromptResult{T}"/> instead of asking again.
    /// </summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Options asking <paramref name="prompt"/> and retrying with <paramref name="retryPrompt"/> if given.</summary>
    public static PromptOptions FromText(string prompt, string? retryPrompt = null) => new()
    {
        Prompt = MessageFactory.Text(prompt, InputHints.ExpectingInput),
        RetryPrompt = retryPrompt is null ? null : MessageFactory.Text(retryPrompt, InputHints.ExpectingInput),
    };
}

namespace Helpdesk.Skills.LanguageModel;

/// <summary>
/// Says which of the bot's closed set of intents a message is, when the offline matching is unsure. The result only
/// routes the conversation to a dialog — it never performs an action (resets, unlocks and ticket changes happen only
/// through the dialogs' verified steps). Optional: without a language model <see cref="IsEnabled"/> is false.
/// Callers pass redacted text only (never a turn marked secret).
/// </summary>
public interface IIntentClassifier
{
    /// <summary>False when no language model is configured.</summary>
    bool IsEnabled { get; }

    /// <summary>The validated intent, or null (no model, timeout, failure, anything outside the closed set): the offline path.</summary>
    Task<ClassifiedIntent?> ClassifyAsync(IntentQuestion question, CancellationToken cancellationToken);
}

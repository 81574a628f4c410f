namespace Helpdesk.Skills.LanguageModel;

/// <summary>
/// Writes an answer to a help question from the retrieved help-article passages only, citing the articles it used
/// — or says the passages don't cover it. Optional: without a language model <see cref="IsEnabled"/> is false and the
/// knowledge dialog shows the article cards as always. Callers pass redacted text only (never a turn marked secret).
/// </summary>
public interface IGroundedAnswerer
{
    /// <summary>False when no language model is configured (nothing is ever sent anywhere).</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// The validated answer, or null when there is none to show (no model, timeout, failure, a citation outside the
    /// passages, an answer that fails the output checks): the caller then shows the plain article card.
    /// </summary>
    Task<GroundedAnswer?> AnswerAsync(GroundedQuestion question, CancellationToken cancellationToken);
}

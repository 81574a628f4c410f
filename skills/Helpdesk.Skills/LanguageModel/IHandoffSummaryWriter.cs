namespace Helpdesk.Skills.LanguageModel;

/// <summary>
/// Writes the agent a short generated summary of a case (issue, what was tried, what the user wants), shown beside
/// the extractive one and marked as generated. Optional: without a language model <see cref="IsEnabled"/> is false.
/// Callers pass redacted case text only.
/// </summary>
public interface IHandoffSummaryWriter
{
    /// <summary>False when no language model is configured.</summary>
    bool IsEnabled { get; }

    /// <summary>The validated summary, or null (no model, timeout, failure, output that fails the checks).</summary>
    Task<GeneratedSummary?> WriteAsync(HandoffSummaryRequest request, CancellationToken cancellationToken);
}

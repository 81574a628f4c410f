using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Adds the generated summary to a handoff's context package (beside the extractive one, marked as generated) when a
/// model is configured. It is written from the package itself and the recorded transcript — both already redacted.
/// </summary>
internal sealed class GeneratedHandoffSummaries(IHandoffSummaryWriter writer)
{
    /// <summary>The transcript lines (the most recent) the summary is written from.</summary>
    public const int MaxTranscriptLines = 40;

    public const int MaxLineChars = 400;

    public async Task<HandoffContext> AddToAsync(HandoffContext context, IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transcript);
        if (!writer.IsEnabled)
        {
            return context;
        }

        var lines = TranscriptReader.ToLines(transcript)
            .Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .TakeLast(MaxTranscriptLines)
            .Select(l => l.From + ": " + Cut(l.Text.ReplaceLineEndings(" ")))
            .ToList();
        var request = new HandoffSummaryRequest(
            context.Reason,
            context.Category,
            context.ErrorText,
            [.. context.StepsTried.Select(s => s.Step + (s.Answer is null ? string.Empty : " → " + s.Answer))],
            [.. context.ArticlesShown.Select(a => a.Title + " — " + (a.Helped switch { true => "helped", false => "did not help", _ => "no answer" }))],
            lines);
        var summary = await writer.WriteAsync(request, cancellationToken);
        return summary is null ? context : context with { GeneratedSummary = new HandoffGeneratedSummary(summary.Lines, summary.Model) };
    }

    private static string Cut(string text) => text.Length <= MaxLineChars ? text : text[..(MaxLineChars - 1)] + "…";
}

using System.Text.Json;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// The generated handoff summary: issue, what was tried, what the user wants, and up to two notes — each a line,
/// so 3–5 lines. Only the expected JSON counts; each line is bounded, checked by <see cref="GeneratedTextGuard"/>
/// and redacted once more; anything else is null (the extractive summary stands alone).
/// </summary>
internal sealed class ModelHandoffSummaryWriter(
    LanguageModelClient client,
    LanguageModelTelemetry telemetry,
    ISecretRedactor redactor,
    ILogger<ModelHandoffSummaryWriter> logger) : IHandoffSummaryWriter
{
    public const int MaxLineChars = 240;
    public const int MaxNotes = 2;

    private const string Feature = LanguageModelFeatures.HandoffSummary;

    private const string SchemaJson =
        """
        {"type":"object","properties":{"issue":{"type":"string"},"tried":{"type":"string"},"wants":{"type":"string"},"notes":{"type":"array","items":{"type":"string"}}},"required":["issue","tried","wants","notes"],"additionalProperties":false}
        """;

    public bool IsEnabled => true;

    public async Task<GeneratedSummary?> WriteAsync(HandoffSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await client.CompleteAsync(
            Feature,
            LanguageModelPrompts.HandoffSummarySystem,
            LanguageModelPrompts.HandoffSummaryUser(request),
            new ModelSchema("handoff_summary", SchemaJson),
            cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var lines = Read(reply.Text);
        telemetry.RecordResult(Feature, lines is null ? LanguageModelOutcomes.Rejected : LanguageModelOutcomes.Accepted);
        if (lines is null)
        {
            logger.LogWarning("Language model {Feature}: reply rejected; the extractive summary stands alone", Feature);
            return null;
        }

        return new GeneratedSummary([.. lines.Select(l => redactor.Redact(l))], client.Model);
    }

    /// <summary>The summary's lines in <paramref name="text"/>, or null.</summary>
    internal static IReadOnlyList<string>? Read(string text)
    {
        if (ModelJson.Object(text, "issue", "tried", "wants", "notes") is not { } root)
        {
            return null;
        }

        var lines = new List<string>(5);
        foreach (var (name, label) in new[] { ("issue", "Issue"), ("tried", "Tried"), ("wants", "Wants") })
        {
            var value = ModelJson.String(root, name)?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length > MaxLineChars || value.Contains('\n', StringComparison.Ordinal))
            {
                return null;
            }

            lines.Add(label + ": " + value);
        }

        if (root.TryGetProperty("notes", out var notesValue) && notesValue.ValueKind != JsonValueKind.Null)
        {
            var notes = ModelJson.Strings(root, "notes");
            if (notes is null || notes.Count > MaxNotes)
            {
                return null;
            }

            foreach (var note in notes.Select(n => n.Trim()).Where(n => n.Length > 0))
            {
                if (note.Length > MaxLineChars || note.Contains('\n', StringComparison.Ordinal))
                {
                    return null;
                }

                lines.Add("Note: " + note);
            }
        }

        return lines.Any(l => GeneratedTextGuard.Check(l, LanguageModelPrompts.HandoffSummarySystem, allowActionWords: true) is not null) ? null : lines;
    }
}

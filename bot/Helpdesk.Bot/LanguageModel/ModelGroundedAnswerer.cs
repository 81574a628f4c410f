using System.Text.Json;
using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Grounded answers from the model: the question and the top <see cref="LanguageModelOptions.MaxPassages"/> passages
/// go in; a reply counts only when it is the expected JSON, every citation is one of those passages (at least one),
/// and the answer passes <see cref="GeneratedTextGuard"/>. "Not covered" is passed on (the card says it is only the
/// closest match). Anything else is null: the dialog shows the plain article card.
/// </summary>
internal sealed class ModelGroundedAnswerer(LanguageModelClient client, LanguageModelTelemetry telemetry, ILogger<ModelGroundedAnswerer> logger) : IGroundedAnswerer
{
    public const int MaxAnswerChars = 1500;

    private const string Feature = LanguageModelFeatures.GroundedAnswer;

    public bool IsEnabled => true;

    public async Task<GroundedAnswer?> AnswerAsync(GroundedQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var passages = question.Passages.Take(client.Options.MaxPassages).ToList();
        if (passages.Count == 0 || string.IsNullOrWhiteSpace(question.Question))
        {
            return null;
        }

        var reply = await client.CompleteAsync(
            Feature,
            LanguageModelPrompts.GroundedAnswerSystem,
            LanguageModelPrompts.GroundedAnswerUser(question.Question, passages),
            Schema(passages),
            cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var (answer, problem) = Read(reply.Text, passages);
        telemetry.RecordResult(Feature, answer is null ? LanguageModelOutcomes.Rejected : answer.Covered ? LanguageModelOutcomes.Accepted : LanguageModelOutcomes.NotCovered);
        if (answer is null)
        {
            logger.LogWarning("Language model {Feature}: reply rejected ({Problem}); the article card is shown", Feature, problem);
        }

        return answer;
    }

    /// <summary>The validated answer in <paramref name="text"/>, or null and why not.</summary>
    internal static (GroundedAnswer? Answer, string? Problem) Read(string text, IReadOnlyList<GroundingPassage> passages)
    {
        if (ModelJson.Object(text, "answer", "citations", "covered") is not { } root)
        {
            return (null, "not the expected JSON object");
        }

        if (!root.TryGetProperty("covered", out var coveredValue) || coveredValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return (null, "no covered flag");
        }

        if (coveredValue.ValueKind == JsonValueKind.False)
        {
            return (GroundedAnswer.NotCovered, null);
        }

        var answer = ModelJson.String(root, "answer")?.Trim();
        var citations = ModelJson.Strings(root, "citations");
        if (string.IsNullOrEmpty(answer) || answer.Length > MaxAnswerChars)
        {
            return (null, "answer empty or too long");
        }

        if (citations is null || citations.Count == 0)
        {
            return (null, "no citation");
        }

        var ids = passages.Select(p => p.ArticleId).ToHashSet(StringComparer.Ordinal);
        var cited = citations.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!cited.All(ids.Contains))
        {
            return (null, "a citation that was not retrieved");
        }

        if (GeneratedTextGuard.Check(answer, LanguageModelPrompts.GroundedAnswerSystem) is { } refused)
        {
            return (null, "output check: " + refused);
        }

        return (new GroundedAnswer(answer, cited, Covered: true), null);
    }

    private static ModelSchema Schema(IReadOnlyList<GroundingPassage> passages) => new(
        "grounded_answer",
        JsonSerializer.Serialize(new
        {
            type = "object",
            properties = new
            {
                answer = new { type = "string" },
                citations = new { type = "array", items = new { type = "string", @enum = passages.Select(p => p.ArticleId).ToArray() } },
                covered = new { type = "boolean" },
            },
            required = new[] { "answer", "citations", "covered" },
            additionalProperties = false,
        }));
}

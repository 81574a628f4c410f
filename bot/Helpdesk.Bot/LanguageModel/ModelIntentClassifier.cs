using System.Collections.Frozen;
using System.Text.Json;
using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Intent fallback from the model: structured output (a JSON schema whose enums are the closed set of intents and the
/// flow ids offered), parsed and validated again — an intent outside the set, a flow that was not offered, a flow
/// for anything but troubleshooting, or any extra property is null (the offline path). The result only routes.
/// </summary>
internal sealed class ModelIntentClassifier(LanguageModelClient client, LanguageModelTelemetry telemetry, ILogger<ModelIntentClassifier> logger) : IIntentClassifier
{
    private const string Feature = LanguageModelFeatures.Intent;

    /// <summary>The wire names of the closed set.</summary>
    public static FrozenDictionary<string, BotIntent> Names { get; } = new Dictionary<string, BotIntent>(StringComparer.Ordinal)
    {
        ["password_reset"] = BotIntent.PasswordReset,
        ["account_unlock"] = BotIntent.AccountUnlock,
        ["troubleshoot"] = BotIntent.Troubleshoot,
        ["knowledge_question"] = BotIntent.KnowledgeQuestion,
        ["talk_to_person"] = BotIntent.TalkToPerson,
        ["other"] = BotIntent.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public bool IsEnabled => true;

    public async Task<ClassifiedIntent?> ClassifyAsync(IntentQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(question.Text))
        {
            return null;
        }

        var reply = await client.CompleteAsync(Feature, LanguageModelPrompts.IntentSystem, LanguageModelPrompts.IntentUser(question), Schema(question.Flows), cancellationToken);
        if (reply is null)
        {
            return null;
        }

        var intent = Read(reply.Text, question.Flows);
        telemetry.RecordResult(Feature, intent is null ? LanguageModelOutcomes.Rejected : LanguageModelOutcomes.Accepted);
        if (intent is null)
        {
            logger.LogWarning("Language model {Feature}: reply outside the closed set of intents; offline path used", Feature);
        }

        return intent;
    }

    /// <summary>The validated intent in <paramref name="text"/>, or null.</summary>
    internal static ClassifiedIntent? Read(string text, IReadOnlyList<IntentFlow> flows)
    {
        if (ModelJson.Object(text, "intent", "flow") is not { } root
            || ModelJson.String(root, "intent") is not { } name
            || !Names.TryGetValue(name, out var intent)
            || !root.TryGetProperty("flow", out var flowValue))
        {
            return null;
        }

        if (intent != BotIntent.Troubleshoot)
        {
            return flowValue.ValueKind == JsonValueKind.Null ? new ClassifiedIntent(intent) : null;
        }

        var flow = flowValue.ValueKind == JsonValueKind.String ? flowValue.GetString() : null;
        return flow is not null && flows.Any(f => string.Equals(f.Id, flow, StringComparison.Ordinal)) ? new ClassifiedIntent(intent, flow) : null;
    }

    private static ModelSchema Schema(IReadOnlyList<IntentFlow> flows) => new(
        "intent",
        JsonSerializer.Serialize(new
        {
            type = "object",
            properties = new
            {
                intent = new { type = "string", @enum = Names.Keys.Order(StringComparer.Ordinal).ToArray() },
                flow = new { anyOf = new object[] { new { type = "string", @enum = flows.Select(f => f.Id).ToArray() }, new { type = "null" } } },
            },
            required = new[] { "intent", "flow" },
            additionalProperties = false,
        }));
}

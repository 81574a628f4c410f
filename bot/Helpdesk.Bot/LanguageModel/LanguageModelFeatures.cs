namespace Helpdesk.Bot.LanguageModel;

/// <summary>The feature tags of <see cref="LanguageModelTelemetry"/> and the logs.</summary>
internal static class LanguageModelFeatures
{
    public const string GroundedAnswer = "grounded_answer";
    public const string Intent = "intent";
    public const string HandoffSummary = "handoff_summary";
}

namespace Helpdesk.Bot.LanguageModel;

/// <summary>The outcome tags of <see cref="LanguageModelTelemetry"/>.</summary>
internal static class LanguageModelOutcomes
{
    // How a call ended.
    public const string Ok = "ok";
    public const string Empty = "empty";
    public const string Timeout = "timeout";
    public const string Failed = "failed";
    public const string Throttled = "throttled";

    // What a feature made of the reply.
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string NotCovered = "not_covered";
}

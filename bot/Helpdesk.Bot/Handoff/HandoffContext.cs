namespace Helpdesk.Bot.Handoff;

/// <summary>
/// The context package an agent (or a contact-center hub, as the <c>handoff.initiate</c> value) gets, so the user
/// never repeats themselves. Built by <see cref="HandoffContextBuilder"/>; every text in it is redacted.
/// </summary>
internal sealed record HandoffContext
{
    public required HandoffUser User { get; init; }

    public required HandoffChannel Channel { get; init; }

    public string? Locale { get; init; }

    public required string Category { get; init; }

    /// <summary>P1–P4.</summary>
    public required string Priority { get; init; }

    /// <summary>Why the conversation was escalated (<c>UserAsked</c>, <c>FlowEscalated</c>…).</summary>
    public required string Trigger { get; init; }

    public required string Reason { get; init; }

    /// <summary>A short extractive summary (sentences taken from the case and the user's own words).</summary>
    public required string Summary { get; init; }

    /// <summary>A language model's summary for the agent, marked as generated; null without a model (or when it gave none in time).</summary>
    public HandoffGeneratedSummary? GeneratedSummary { get; init; }

    public IReadOnlyList<HandoffStep> StepsTried { get; init; } = [];

    public IReadOnlyList<HandoffArticle> ArticlesShown { get; init; } = [];

    /// <summary>Details captured from the user (e.g. <c>error_message</c>).</summary>
    public IReadOnlyDictionary<string, string> Captured { get; init; } = new Dictionary<string, string>();

    /// <summary>The exact error text the user reported, when captured.</summary>
    public string? ErrorText { get; init; }

    /// <summary>When the conversation's case started (first recorded step or activity).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset EscalatedAt { get; init; }

    /// <summary>How many activities the transcript holds.</summary>
    public int TranscriptActivities { get; init; }
}

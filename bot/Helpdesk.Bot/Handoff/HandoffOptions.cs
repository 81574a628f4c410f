namespace Helpdesk.Bot.Handoff;

/// <summary>How conversations reach a person. Section <c>Handoff</c>; validated at start (<see cref="HandoffOptionsValidator"/>).</summary>
internal sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>
    /// <c>Queue</c> (default): the built-in queue and agent console at <c>/agent</c>. <c>Hub</c>: a contact-center hub
    /// connected to the channel takes over through the standard <c>handoff.initiate</c> event.
    /// </summary>
    public string Mode { get; set; } = HandoffModes.Queue;

    /// <summary>Before escalating a plain question, offer the best knowledge-base answer once.</summary>
    public bool Deflection { get; set; } = true;

    /// <summary><c>Sqlite</c> (default, the bot's database) or <c>PostgreSql</c> (same schema; several instances share the queue).</summary>
    public string StoreProvider { get; set; } = "Sqlite";

    /// <summary>PostgreSQL connection string (required with <c>StoreProvider=PostgreSql</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>First-response targets per priority.</summary>
    public HandoffSlaOptions Sla { get; set; } = new();

    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>Average time an agent needs per case, for the estimated wait.</summary>
    public TimeSpan AverageHandleTime { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>How often waiting users get their new position and the console its timers.</summary>
    public TimeSpan QueueUpdateInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>An agent counts as online this long after the console's last heartbeat.</summary>
    public TimeSpan AgentOnlineWindow { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How many transcript activities go into the context package.</summary>
    public int TranscriptLimit { get; set; } = 200;

    /// <summary>How long recorded transcripts are kept (cases keep their context package).</summary>
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromDays(90);

    public bool UsesPostgres => string.Equals(StoreProvider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public bool UsesHub => string.Equals(Mode, HandoffModes.Hub, StringComparison.OrdinalIgnoreCase);
}

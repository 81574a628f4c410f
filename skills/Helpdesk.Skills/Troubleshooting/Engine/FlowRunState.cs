namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Where a conversation is in a flow, saved in the dialog state with the conversation (so it survives a restart):
/// the step waiting for an answer, the steps before it (for Back), and what an incident notice is waiting for.
/// </summary>
internal sealed class FlowRunState
{
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The step waiting for the user's answer (null while an incident notice waits).</summary>
    public string? NodeId { get; set; }

    /// <summary>The steps answered before it, oldest first.</summary>
    public List<string> History { get; set; } = [];

    /// <summary>Answers in a row that were not understood.</summary>
    public int Misses { get; set; }

    /// <summary>The incident the user was told about and hasn't answered yet.</summary>
    public string? IncidentId { get; set; }

    /// <summary>Where "My problem is different" continues.</summary>
    public string? ResumeNodeId { get; set; }

    /// <summary>Incidents the user said their problem is different from (not shown again in this run).</summary>
    public List<string> DismissedIncidents { get; set; } = [];

    /// <summary>The articles a <c>search_kb</c> step is showing (for their feedback).</summary>
    public List<string> ShownArticles { get; set; } = [];
}

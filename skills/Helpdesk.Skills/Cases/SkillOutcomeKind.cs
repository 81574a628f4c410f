namespace Helpdesk.Skills.Cases;

/// <summary>How a skill's dialog ended.</summary>
public enum SkillOutcomeKind
{
    /// <summary>The problem is solved (or the request done).</summary>
    Resolved,

    /// <summary>A person must take over: see <see cref="SkillOutcome.Escalation"/>.</summary>
    Escalate,

    /// <summary>The user stopped, or the skill ended with nothing to report.</summary>
    Ended,
}

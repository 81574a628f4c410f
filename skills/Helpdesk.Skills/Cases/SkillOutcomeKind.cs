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

    /// <summary>
    /// The user turned down the skill the bot offered for their message ("shall we troubleshoot it together?" — no):
    /// the message may still be answered another way (e.g. from the help articles). The skill has said nothing.
    /// </summary>
    Declined,
}

namespace Helpdesk.Skills.Cases;

/// <summary>The result a skill's dialog ends with; the main dialog acts on it (e.g. starts the handoff).</summary>
public sealed record SkillOutcome(SkillOutcomeKind Kind, EscalationRequest? Escalation = null)
{
    public static SkillOutcome Resolved { get; } = new(SkillOutcomeKind.Resolved);

    public static SkillOutcome Ended { get; } = new(SkillOutcomeKind.Ended);

    public static SkillOutcome Declined { get; } = new(SkillOutcomeKind.Declined);

    public static SkillOutcome Escalate(EscalationRequest request) =>
        new(SkillOutcomeKind.Escalate, request ?? throw new ArgumentNullException(nameof(request)));
}

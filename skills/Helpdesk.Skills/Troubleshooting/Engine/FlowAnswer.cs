namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>The user's reply to a step, recognised.</summary>
internal sealed record FlowAnswer(FlowAnswerKind Kind, int Index = -1, string? Text = null)
{
    public static FlowAnswer NotUnderstood { get; } = new(FlowAnswerKind.None);
}

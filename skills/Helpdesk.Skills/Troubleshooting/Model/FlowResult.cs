namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>How a flow ends (the <c>result</c> of an outcome node).</summary>
public enum FlowResult
{
    /// <summary>The problem is fixed.</summary>
    Resolved,

    /// <summary>A person takes over, with everything tried so far.</summary>
    Escalate,
}

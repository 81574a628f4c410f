namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>The kinds of step a flow is made of (the <c>type</c> of a node in the YAML).</summary>
public enum FlowNodeKind
{
    /// <summary>A question with choices, each leading to a node.</summary>
    Question,

    /// <summary>Markdown steps for the user to follow, then either "Done" (<c>next</c>) or "Did that fix it?" (<c>yes</c>/<c>no</c>).</summary>
    Instructions,

    /// <summary>A yes/no question.</summary>
    Check,

    /// <summary>Free text captured into the case file (e.g. the exact error message).</summary>
    Input,

    /// <summary>A built-in action: search the KB, check known incidents, look up the user, escalate.</summary>
    Action,

    /// <summary>The end: <c>resolved</c> or <c>escalate</c>.</summary>
    Outcome,
}

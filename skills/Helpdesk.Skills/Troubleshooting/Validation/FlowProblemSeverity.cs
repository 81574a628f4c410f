namespace Helpdesk.Skills.Troubleshooting.Validation;

/// <summary>How bad a flow problem is: an error keeps the flow from loading; a warning does not.</summary>
public enum FlowProblemSeverity
{
    Warning,
    Error,
}

using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting.Validation;

/// <summary>Something wrong in a flow file, with where it is: <c>vpn.yaml:12:7: error: …</c>.</summary>
public sealed record FlowProblem(SourceLocation Location, FlowProblemSeverity Severity, string Message)
{
    public bool IsError => Severity == FlowProblemSeverity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")}: {Message}";
}

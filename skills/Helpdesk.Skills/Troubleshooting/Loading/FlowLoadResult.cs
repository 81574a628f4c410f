using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Troubleshooting.Loading;

/// <summary>Flow files read from a folder or the embedded set: every flow read, and every problem in any of them.</summary>
public sealed record FlowLoadResult(IReadOnlyList<Flow> Flows, IReadOnlyList<FlowProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

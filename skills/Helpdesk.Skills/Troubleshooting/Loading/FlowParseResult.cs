using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Troubleshooting.Loading;

/// <summary>One flow file read: the flow (null when it could not be read at all) and the problems found on the way.</summary>
public sealed record FlowParseResult(Flow? Flow, IReadOnlyList<FlowProblem> Problems);

namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>A way out of a node: the answer that takes it (null for "next") and the node it leads to.</summary>
/// <param name="Label">The answer ("Yes", a choice's label, "Done"…), or null for an automatic step.</param>
/// <param name="Target">The id of the next node.</param>
/// <param name="Location">Where the reference is written.</param>
public sealed record FlowEdge(string? Label, string Target, SourceLocation Location);

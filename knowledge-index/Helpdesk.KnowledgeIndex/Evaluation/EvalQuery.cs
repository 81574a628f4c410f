namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>A query of a labeled set.</summary>
public sealed record EvalQuery(string Id, string Text);

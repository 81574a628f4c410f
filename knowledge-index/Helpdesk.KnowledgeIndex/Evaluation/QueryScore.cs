namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>Metrics of one query.</summary>
public sealed record QueryScore(string QueryId, string Split, double Ndcg10, double Recall5, double Mrr10);

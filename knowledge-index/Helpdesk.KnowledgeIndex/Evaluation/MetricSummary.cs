namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>Mean metrics of one system on one query subset.</summary>
public sealed record MetricSummary(string System, string QuerySet, string Split, int Queries, double Ndcg10, double Recall5, double Mrr10);

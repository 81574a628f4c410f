namespace Helpdesk.Skills.Knowledge;

/// <summary>One article shown for one question.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="ArticleTitle">Its title as shown.</param>
/// <param name="Query">The question (redacted).</param>
/// <param name="ChannelId">Where (webchat, msteams, slack…).</param>
/// <param name="Rank">1 = the best match.</param>
/// <param name="Confidence">The hit's confidence (0–1).</param>
/// <param name="ShownAt">When.</param>
public sealed record ArticleImpression(string ArticleId, string ArticleTitle, string Query, string ChannelId, int Rank, double Confidence, DateTimeOffset ShownAt);

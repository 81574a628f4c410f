namespace Helpdesk.Skills.Knowledge;

/// <summary>What one article card shows: a heading and one or more articles (the first is the featured one).</summary>
/// <param name="Heading">The line above the articles ("This article looks like the best match:").</param>
/// <param name="Articles">The articles, best first.</param>
public sealed record ArticleCardPage(string Heading, IReadOnlyList<ArticleCardItem> Articles);

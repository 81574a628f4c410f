namespace Helpdesk.Bot.Knowledge;

/// <summary>The report's totals over every article (not only the listed ones).</summary>
/// <param name="Articles">Distinct articles shown.</param>
/// <param name="Shown">Articles shown, counting each showing.</param>
/// <param name="Helped">Answers "it solved it".</param>
/// <param name="NotHelped">Answers "it did not".</param>
/// <param name="HelpfulRate">Helped / (helped + not helped), 0–1; null until someone answered.</param>
internal sealed record KnowledgeFeedbackTotals(int Articles, int Shown, int Helped, int NotHelped, double? HelpfulRate);

namespace Helpdesk.Bot.Knowledge;

/// <summary>One article in the feedback report.</summary>
/// <param name="Id">The article id (its page is <c>/kb/{id}</c>).</param>
/// <param name="Title">Its latest title.</param>
/// <param name="Shown">Times shown.</param>
/// <param name="Helped">Times the user said it solved the problem.</param>
/// <param name="NotHelped">Times the user said it did not.</param>
/// <param name="NoAnswer">Shown without an answer either way.</param>
/// <param name="HelpfulRate">Helped / (helped + not helped), 0–1; null until someone answered.</param>
internal sealed record ArticleFeedbackRow(string Id, string Title, int Shown, int Helped, int NotHelped, int NoAnswer, double? HelpfulRate);

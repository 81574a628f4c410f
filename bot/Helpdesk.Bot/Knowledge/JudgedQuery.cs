namespace Helpdesk.Bot.Knowledge;

/// <summary>A question with the users' judgments of the articles shown for it.</summary>
/// <param name="Id">A stable query id (<c>fb</c> + 12 digits from the question's key), so two exports agree.</param>
/// <param name="Text">The latest wording (redacted).</param>
/// <param name="Judgments">One per article answered about, by path.</param>
internal sealed record JudgedQuery(string Id, string Text, IReadOnlyList<ArticleJudgment> Judgments);

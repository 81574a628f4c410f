namespace Helpdesk.Bot.Knowledge;

/// <summary>How relevant users found one article for one question.</summary>
/// <param name="Path">The article's path relative to its articles folder (what <c>kb eval</c> judges by).</param>
/// <param name="Grade">2 = it solved the problem for most who answered, 1 = for some, 0 = for nobody.</param>
/// <param name="Helped">Answers "it solved it".</param>
/// <param name="NotHelped">Answers "it did not".</param>
internal sealed record ArticleJudgment(string Path, int Grade, int Helped, int NotHelped);

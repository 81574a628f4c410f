namespace Helpdesk.Skills.Knowledge;

/// <summary>How one article did.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Title">Its latest title.</param>
/// <param name="Shown">Times shown.</param>
/// <param name="Helped">Times the user said it solved the problem.</param>
/// <param name="NotHelped">Times the user said it did not.</param>
public sealed record ArticleFeedbackSummary(string ArticleId, string Title, int Shown, int Helped, int NotHelped)
{
    /// <summary>Shown without an answer either way.</summary>
    public int Unanswered => Shown - Helped - NotHelped;
}

namespace Helpdesk.Skills.Cases;

/// <summary>
/// Everything the bot learned in a conversation that a person taking over needs, so they never re-ask: identity,
/// category, steps tried with answers, articles shown with feedback, captured details (e.g. the exact error text).
/// Lives in conversation state (<see cref="CaseFileAccessor"/>); never holds a secret.
/// </summary>
public sealed class CaseFile
{
    /// <summary>
    /// Oldest entries are dropped past this many steps or articles, so the state every turn reads and writes stays
    /// small. The case file is the summary a person taking over reads first; the whole conversation is in the
    /// transcript they see beside it.
    /// </summary>
    public const int MaxEntries = 25;

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The problem category, once a skill knows it (e.g. "network/vpn").</summary>
    public string? Category { get; set; }

    public CaseIdentity? Identity { get; set; }

    public List<CaseStep> StepsTried { get; set; } = [];

    public List<ArticleShown> ArticlesShown { get; set; } = [];

    /// <summary>Details captured from the user, by name (e.g. "error_message").</summary>
    public Dictionary<string, string> Captured { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records a step at <paramref name="at"/>.</summary>
    public void AddStep(string source, string step, string? answer, DateTimeOffset at)
    {
        Touch(at);
        StepsTried.Add(new CaseStep(source, step, answer, at));
        Trim(StepsTried);
    }

    /// <summary>Records an article shown at <paramref name="at"/>.</summary>
    public void AddArticle(string articleId, string title, string query, DateTimeOffset at)
    {
        Touch(at);
        ArticlesShown.Add(new ArticleShown(articleId, title, query, null, at));
        Trim(ArticlesShown);
    }

    /// <summary>Records the user's feedback on the most recent showing of <paramref name="articleId"/>.</summary>
    public void SetArticleFeedback(string articleId, bool helped, DateTimeOffset at)
    {
        var index = ArticlesShown.FindLastIndex(a => string.Equals(a.ArticleId, articleId, StringComparison.Ordinal));
        if (index >= 0)
        {
            Touch(at);
            ArticlesShown[index] = ArticlesShown[index] with { Helped = helped };
        }
    }

    /// <summary>Stores a captured detail (e.g. the exact error message).</summary>
    public void Capture(string name, string value, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Touch(at);
        Captured[name] = value;
    }

    private static void Trim<T>(List<T> list)
    {
        if (list.Count > MaxEntries)
        {
            list.RemoveRange(0, list.Count - MaxEntries);
        }
    }

    private void Touch(DateTimeOffset at)
    {
        OpenedAt ??= at;
        UpdatedAt = at;
    }
}

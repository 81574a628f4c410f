using System.ComponentModel.DataAnnotations;
using Helpdesk.Bot.Hosting;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>The knowledge base the bot answers from. Section <c>Knowledge</c>; validated at start.</summary>
internal sealed class KnowledgeOptions : IAdminApiKeyOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Article folders (relative to the content root unless absolute). Empty: the project's own articles —
    /// <c>knowledge-index/articles</c> of the repository when running from it (edits are picked up live), else the
    /// copy in the build output (<c>knowledge/articles</c>).
    /// </summary>
    public IList<string> ArticleDirectories { get; } = [];

    /// <summary>More article folders indexed together with <see cref="ArticleDirectories"/> (e.g. <c>../shared/kb-corpus</c>).</summary>
    public IList<string> ExtraArticleDirectories { get; } = [];

    /// <summary>Where the index is kept, relative to the data folder (<c>Storage:DataDirectory</c>) unless absolute.</summary>
    [Required(ErrorMessage = "Knowledge:IndexDirectory is required (a folder for the search index).")]
    public string IndexDirectory { get; set; } = "kb-index";

    /// <summary>Hits below this confidence (0–1) are never shown; see the README for how the default was calibrated.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Knowledge:ConfidenceThreshold must be between 0 and 1.")]
    public double ConfidenceThreshold { get; set; } = KnowledgeSettings.DefaultConfidenceThreshold;

    /// <summary>Articles on the "more results" card shown after the best one did not help.</summary>
    [Range(1, 5, ErrorMessage = "Knowledge:ResultsPerPage must be between 1 and 5.")]
    public int ResultsPerPage { get; set; } = KnowledgeSettings.DefaultResultsPerPage;

    /// <summary>Rebuild the index when an article file is added, changed or deleted.</summary>
    public bool WatchArticles { get; set; } = true;

    /// <summary>Quiet period after the last file change before rebuilding, in milliseconds.</summary>
    [Range(50, 60_000, ErrorMessage = "Knowledge:WatchDebounceMilliseconds must be between 50 and 60000.")]
    public int WatchDebounceMilliseconds { get; set; } = 500;

    /// <summary>How long start-up waits for the very first index build (none on disk yet) before serving anyway.</summary>
    [Range(0, 300, ErrorMessage = "Knowledge:StartupWaitSeconds must be between 0 and 300.")]
    public int StartupWaitSeconds { get; set; } = 15;

    /// <summary>
    /// Absolute base URL for links to article pages (<c>{base}/kb/{id}</c>), needed on Teams and Slack; empty: links
    /// follow the built-in Direct Line's address, else relative.
    /// </summary>
    public string? ArticleBaseUrl { get; set; }

    /// <summary>
    /// The key callers of <c>/api/admin/knowledge</c> (the feedback report) send in <c>X-Api-Key</c>, 32+ characters.
    /// Empty = that API is off (404), except in Development, where it answers callers on this machine only.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// How long article showings, answers and unanswered questions are kept (1 day to 10 years); older rows are
    /// deleted hourly. The report and the judgments export only see what is kept.
    /// </summary>
    public TimeSpan FeedbackRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Rerank the best lexical hits by meaning with a small embedding model (arctic-embed-xs on ONNX Runtime, bundled,
    /// offline; an int8 copy made once and kept beside the index). Better answers for questions worded unlike the
    /// article (README: corpus nDCG@10 0.759 → 0.829, 1.15× → 1.26× the baseline). Costs: ~1.5 ms per searched
    /// question, ~100–200 MB of memory for the model, and every article embedded once in the background after a
    /// reindex (about 2 s for the project's articles, 40 s for 1,309; vectors are cached beside the index). Until
    /// then, and whenever the model cannot run, answers keep their lexical order. On by default; false switches it off.
    /// </summary>
    public bool SemanticRerank { get; set; } = true;

    /// <summary>
    /// Above this many indexed articles the rerank is not prepared and answers stay lexical (readiness says so):
    /// embedding takes ~10 ms of CPU per passage and keeps ~3 KB per article in memory, so a 100,000-article library
    /// would mean half an hour of embedding and 300 MB. Raise it deliberately for large libraries.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Knowledge:SemanticRerankMaxArticles must be between 1 and 1000000.")]
    public int SemanticRerankMaxArticles { get; set; } = 25_000;
}

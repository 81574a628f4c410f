using System.Globalization;
using Helpdesk.Bot.Hosting;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// <c>/api/admin/knowledge</c>: the article feedback report for IT admins (<see cref="KnowledgeFeedbackReport"/>) and
/// the users' answers as relevance judgments for <c>kb eval</c> / <c>kb tune</c> (<see cref="KnowledgeJudgments"/>).
/// Guarded by <see cref="AdminApiKeyFilter{TOptions}"/> with <c>Knowledge:AdminApiKey</c>; bad input is 400 with
/// problem details. Questions in it are the redacted ones the feedback store keeps.
/// </summary>
internal static class KnowledgeAdminApi
{
    public const string Route = "/api/admin/knowledge";

    /// <summary>Rows per list when <c>top</c> is not given.</summary>
    public const int DefaultTop = 50;

    /// <summary>The most rows per list.</summary>
    public const int MaxTop = 500;

    /// <summary>The longest period <c>days</c> accepts.</summary>
    public const int MaxDays = 3660;

    private const int NeedsAttentionMinAnswers = 2;
    private const string QueriesFormat = "queries";
    private const string QrelsFormat = "qrels";

    public static IEndpointRouteBuilder MapKnowledgeAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Route).AddEndpointFilter<AdminApiKeyFilter<KnowledgeOptions>>();
        group.MapGet("/feedback", FeedbackAsync);
        group.MapGet("/judgments", JudgmentsAsync);
        return endpoints;
    }

    private static async Task<IResult> JudgmentsAsync(
        string? format,
        string? since,
        string? days,
        IKnowledgeFeedbackStore store,
        IKnowledgeSearch search,
        TimeProvider time,
        HttpContext http,
        ILogger<KnowledgeFeedbackReport> logger,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = ParsePeriod(since, days, time.GetUtcNow(), errors);
        if (format is not (QueriesFormat or QrelsFormat))
        {
            errors["format"] = [$"Give format={QueriesFormat} (the queries file) or format={QrelsFormat} (the judgments) (got '{format}')."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The export request is not valid");
        }

        var queries = KnowledgeJudgments.Build(await store.ListAnswersAsync(from, cancellationToken), id => search.GetArticle(id)?.Path);
        logger.LogInformation("Knowledge admin API: {Remote} exported {Count} judged questions ({Format}, since {Since})",
            http.Connection.RemoteIpAddress, queries.Count, format, from?.ToString("O", CultureInfo.InvariantCulture) ?? "the start");
        return format == QueriesFormat
            ? Results.Text(KnowledgeJudgments.QueriesFile(queries), "text/tab-separated-values; charset=utf-8")
            : Results.Text(KnowledgeJudgments.QrelsFile(queries), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> FeedbackAsync(
        string? since, string? days, string? top, IKnowledgeFeedbackStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = ParsePeriod(since, days, now, errors);
        var limit = DefaultTop;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxTop))
        {
            errors["top"] = [$"Give a whole number from 1 to {MaxTop} (got '{top}')."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The report request is not valid");
        }

        var articles = (await store.SummarizeAsync(from, cancellationToken)).Select(Row).ToList();
        var helped = articles.Sum(a => a.Helped);
        var notHelped = articles.Sum(a => a.NotHelped);
        var totals = new KnowledgeFeedbackTotals(articles.Count, articles.Sum(a => a.Shown), helped, notHelped, Rate(helped, notHelped));
        var needsAttention = articles
            .Where(a => a.Helped + a.NotHelped >= NeedsAttentionMinAnswers && a.NotHelped > a.Helped)
            .OrderBy(a => a.HelpfulRate)
            .ThenByDescending(a => a.NotHelped)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var unanswered = await store.SummarizeUnansweredAsync(from, limit, cancellationToken);
        return TypedResults.Ok(new KnowledgeFeedbackReport(from, now, totals, [.. articles.Take(limit)], needsAttention, unanswered));
    }

    private static DateTimeOffset? ParsePeriod(string? since, string? days, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (since is not null && days is not null)
        {
            errors["since"] = ["Give either since or days, not both."];
            return null;
        }

        if (days is not null)
        {
            if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= MaxDays)
            {
                return now.AddDays(-count);
            }

            errors["days"] = [$"Give a whole number of days from 1 to {MaxDays} (got '{days}')."];
            return null;
        }

        if (since is null)
        {
            return null;
        }

        // A date alone (2026-11-01) is midnight UTC; a date and time may carry its offset (2026-11-01T08:00:00+01:00).
        if (DateTimeOffset.TryParseExact(since, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            && start <= now)
        {
            return start;
        }

        errors["since"] = [$"Give a past date (2026-11-01) or date and time in ISO 8601 (2026-11-01T08:00:00Z) (got '{since}')."];
        return null;
    }

    private static ArticleFeedbackRow Row(ArticleFeedbackSummary summary) =>
        new(summary.ArticleId, summary.Title, summary.Shown, summary.Helped, summary.NotHelped, summary.Unanswered, Rate(summary.Helped, summary.NotHelped));

    private static double? Rate(int helped, int notHelped) =>
        helped + notHelped == 0 ? null : Math.Round((double)helped / (helped + notHelped), 4);
}

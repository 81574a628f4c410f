using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Bot.Tests.Troubleshooting;
using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary><c>/api/admin/knowledge/feedback</c> over the real SQLite feedback store.</summary>
public sealed class KnowledgeAdminApiTests : IDisposable
{
    private const string Key = "knowledge-admin-key-0123456789-abcdef";
    private const string Route = "/api/admin/knowledge/feedback";
    private readonly string _data = HelpdeskTestHost.NewDataDirectory();

    public void Dispose() => HelpdeskTestHost.DeleteDataDirectory(_data);

    [Fact]
    public async Task Feedback_NoKeyConfigured_OutsideDevelopment_404()
    {
        await using var host = new HelpdeskTestHost(environment: "Production");

        using var response = await host.Client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("admin-key-0123456789-abcdefghijklmnop")] // the incidents API's key opens only that API
    public async Task Feedback_MissingOrWrongKey_401ProblemDetails(string? given)
    {
        await using var host = new HelpdeskTestHost(_data, new Dictionary<string, string?>
        {
            ["Knowledge:AdminApiKey"] = Key,
            ["Incidents:AdminApiKey"] = "admin-key-0123456789-abcdefghijklmnop",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        if (given is not null)
        {
            request.Headers.Add("X-Api-Key", given);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Feedback_ArticlesAndUnansweredQuestions_Reported()
    {
        await using var host = Host();
        var store = host.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        var t0 = host.Time.GetUtcNow();
        var vpn1 = await store.RecordShownAsync(new ArticleImpression("vpn-wont-connect", "VPN won't connect", "vpn broken", "webchat", 1, 0.8, t0), CancellationToken.None);
        var vpn2 = await store.RecordShownAsync(new ArticleImpression("vpn-wont-connect", "VPN won't connect", "vpn down", "msteams", 1, 0.7, t0), CancellationToken.None);
        var vpn3 = await store.RecordShownAsync(new ArticleImpression("vpn-wont-connect", "VPN won't connect", "vpn again", "msteams", 1, 0.7, t0), CancellationToken.None);
        var printer = await store.RecordShownAsync(new ArticleImpression("printer-offline", "Printer offline", "printer offline", "webchat", 1, 0.9, t0), CancellationToken.None);
        await store.RecordFeedbackAsync(vpn1, helped: false, t0, CancellationToken.None);
        await store.RecordFeedbackAsync(vpn2, helped: false, t0, CancellationToken.None);
        await store.RecordFeedbackAsync(vpn3, helped: true, t0, CancellationToken.None);
        await store.RecordFeedbackAsync(printer, helped: true, t0, CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("How do I book a parking space?", "webchat", 0.2, t0), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("how do i book a parking space", "msteams", null, t0.AddMinutes(5)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("expense report stuck", "webchat", 0.3, t0.AddMinutes(1)), CancellationToken.None);

        using var response = await GetAsync(host, Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await HelpdeskTestHost.JsonAsync(response);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("since").ValueKind);
        var totals = report.GetProperty("totals");
        Assert.Equal((2, 4, 2, 2, 0.5), (totals.GetProperty("articles").GetInt32(), totals.GetProperty("shown").GetInt32(), totals.GetProperty("helped").GetInt32(), totals.GetProperty("notHelped").GetInt32(), totals.GetProperty("helpfulRate").GetDouble()));
        var articles = report.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(["vpn-wont-connect", "printer-offline"], articles.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal((3, 1, 2, 0, 0.3333), (articles[0].GetProperty("shown").GetInt32(), articles[0].GetProperty("helped").GetInt32(), articles[0].GetProperty("notHelped").GetInt32(), articles[0].GetProperty("noAnswer").GetInt32(), articles[0].GetProperty("helpfulRate").GetDouble()));
        Assert.Equal("vpn-wont-connect", Assert.Single(report.GetProperty("needsAttention").EnumerateArray()).GetProperty("id").GetString());
        var unanswered = report.GetProperty("unanswered").EnumerateArray().ToList();
        Assert.Equal(2, unanswered.Count);
        Assert.Equal(("how do i book a parking space", 2, 0.2), (unanswered[0].GetProperty("question").GetString(), unanswered[0].GetProperty("times").GetInt32(), unanswered[0].GetProperty("bestConfidence").GetDouble()));
        Assert.Equal(t0, unanswered[0].GetProperty("firstAskedAt").GetDateTimeOffset());
        Assert.Equal(t0.AddMinutes(5), unanswered[0].GetProperty("lastAskedAt").GetDateTimeOffset());
        Assert.Equal(("expense report stuck", 1), (unanswered[1].GetProperty("question").GetString(), unanswered[1].GetProperty("times").GetInt32()));
    }

    [Fact]
    public async Task Feedback_SinceDaysAndTop_LimitTheReport()
    {
        await using var host = Host();
        var store = host.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        var now = host.Time.GetUtcNow();
        await store.RecordUnansweredAsync(new UnansweredQuestion("old question", "webchat", null, now.AddDays(-40)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("recent question", "webchat", null, now.AddDays(-2)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("newest question", "webchat", null, now.AddHours(-1)), CancellationToken.None);

        async Task<string[]> QuestionsAsync(string query)
        {
            using var response = await GetAsync(host, Route + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await HelpdeskTestHost.JsonAsync(response)).GetProperty("unanswered").EnumerateArray().Select(q => q.GetProperty("question").GetString()!)];
        }

        Assert.Equal(["newest question", "recent question", "old question"], await QuestionsAsync(""));
        Assert.Equal(["newest question", "recent question"], await QuestionsAsync("?days=30"));
        Assert.Equal(["newest question", "recent question"], await QuestionsAsync($"?since={now.AddDays(-3):yyyy-MM-dd}"));
        Assert.Equal(["newest question"], await QuestionsAsync($"?since={Uri.EscapeDataString(now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture))}"));
        Assert.Equal(["newest question"], await QuestionsAsync("?top=1"));
    }

    [Theory]
    [InlineData("?since=yesterday", "since")]
    [InlineData("?since=2099-01-01", "since")]
    [InlineData("?since=2026-11-01&days=7", "since")]
    [InlineData("?days=0", "days")]
    [InlineData("?days=ten", "days")]
    [InlineData("?top=0", "top")]
    [InlineData("?top=501", "top")]
    [InlineData("?top=-5", "top")]
    public async Task Feedback_BadParameters_400ProblemDetails(string query, string field)
    {
        await using var host = Host();

        using var response = await GetAsync(host, Route + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await HelpdeskTestHost.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task Feedback_QuestionNoArticleAnswersInChat_AppearsInTheReport()
    {
        await using var host = Host();
        var conversation = await host.StartConversationAsync();

        await host.SayAsync(conversation, "purple elephants dancing on the roof");

        using var response = await GetAsync(host, Route);
        var unanswered = Assert.Single((await HelpdeskTestHost.JsonAsync(response)).GetProperty("unanswered").EnumerateArray());
        Assert.Equal(("purple elephants dancing on the roof", 1), (unanswered.GetProperty("question").GetString(), unanswered.GetProperty("times").GetInt32()));
    }

    [Fact]
    public async Task Judgments_ExportedFiles_ScoreTheSearchWithKbEval()
    {
        await using var host = Host();
        var store = host.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        var t0 = host.Time.GetUtcNow();
        async Task AnswerAsync(string query, string articleId, bool helped) =>
            await store.RecordFeedbackAsync(
                await store.RecordShownAsync(new ArticleImpression(articleId, articleId, query, "webchat", 1, 0.8, t0), CancellationToken.None), helped, t0, CancellationToken.None);
        await AnswerAsync("vpn keeps dropping every few minutes", "vpn-keeps-disconnecting", helped: true);
        await AnswerAsync("vpn keeps dropping every few minutes", "vpn-wont-connect", helped: false);
        await AnswerAsync("printer says offline", "printer-offline", helped: true);
        await AnswerAsync("printer says offline", "no-longer-indexed", helped: true);
        await AnswerAsync("nothing helped here", "vpn-wont-connect", helped: false);

        using var queriesResponse = await GetAsync(host, "/api/admin/knowledge/judgments?format=queries");
        using var qrelsResponse = await GetAsync(host, "/api/admin/knowledge/judgments?format=qrels&days=7");

        Assert.Equal(HttpStatusCode.OK, queriesResponse.StatusCode);
        Assert.Equal("text/tab-separated-values", queriesResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, qrelsResponse.StatusCode);
        var directory = Directory.CreateDirectory(Path.Combine(_data, "export")).FullName;
        var queriesFile = Path.Combine(directory, "feedback-queries.tsv");
        var qrelsFile = Path.Combine(directory, "feedback-qrels.txt");
        await File.WriteAllTextAsync(queriesFile, await queriesResponse.Content.ReadAsStringAsync());
        await File.WriteAllTextAsync(qrelsFile, await qrelsResponse.Content.ReadAsStringAsync());
        var repository = RepositoryPaths.Find(AppContext.BaseDirectory)!;
        using var run = EvalRun.Create(new EvalSet("feedback", repository.OwnArticles, queriesFile, qrelsFile), host.Time);

        Assert.Equal(["printer says offline", "vpn keeps dropping every few minutes"], run.Queries.Select(q => q.Text).Order(StringComparer.Ordinal));
        var scores = run.ScoreTuned();
        Assert.Equal(2, scores.Count);
        Assert.All(scores, s => Assert.True(s.Ndcg10 > 0.5, $"{s.QueryId}: nDCG@10 {s.Ndcg10}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=csv")]
    [InlineData("?format=qrels&days=-1")]
    public async Task Judgments_BadParameters_400ProblemDetails(string query)
    {
        await using var host = Host();

        using var response = await GetAsync(host, "/api/admin/knowledge/judgments" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Retention_RowsOlderThanFeedbackRetention_DeletedAndGoneFromTheReport()
    {
        await using var host = new HelpdeskTestHost(_data, new Dictionary<string, string?> { ["Knowledge:AdminApiKey"] = Key, ["Knowledge:FeedbackRetention"] = "30.00:00:00" });
        var store = host.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        var now = host.Time.GetUtcNow();
        await store.RecordUnansweredAsync(new UnansweredQuestion("asked two months ago", "webchat", null, now.AddDays(-60)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("asked last week", "webchat", null, now.AddDays(-7)), CancellationToken.None);

        var deleted = await host.Services.GetRequiredService<KnowledgeFeedbackRetention>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        using var response = await GetAsync(host, Route);
        Assert.Equal("asked last week", Assert.Single((await HelpdeskTestHost.JsonAsync(response)).GetProperty("unanswered").EnumerateArray()).GetProperty("question").GetString());
    }

    private HelpdeskTestHost Host() => new(_data, new Dictionary<string, string?> { ["Knowledge:AdminApiKey"] = Key });

    private static async Task<HttpResponseMessage> GetAsync(HelpdeskTestHost host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", Key);
        return await host.Client.SendAsync(request);
    }
}

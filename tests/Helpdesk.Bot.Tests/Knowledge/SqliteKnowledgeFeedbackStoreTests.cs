using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Skills.Knowledge;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>The feedback store on a real SQLite file.</summary>
public sealed class SqliteKnowledgeFeedbackStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "helpdesk-kb-feedback-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task InitializeAsync_NewDatabase_CreatesTheTable()
    {
        var database = SqliteDatabase.ForFile(_file);

        await new SqliteKnowledgeFeedbackStore(database).InitializeAsync(CancellationToken.None);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM pragma_table_info('kb_feedback')";
        Assert.Equal("id,shown_at,channel_id,query,article_id,article_title,rank,confidence,helped,answered_at", await command.ExecuteScalarAsync());
        command.CommandText = "SELECT group_concat(name, ',') FROM pragma_table_info('kb_unanswered')";
        Assert.Equal("id,asked_at,channel_id,query,query_key,best_confidence", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RecordUnanswered_SameQuestionAskedDifferently_GroupedWithLatestWording()
    {
        var store = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        await store.InitializeAsync(CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("How do I book parking?", "webchat", 0.25, T0), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("expense report stuck", "webchat", null, T0.AddMinutes(1)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("how do i  book parking", "msteams", null, T0.AddMinutes(2)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("HOW DO I BOOK PARKING", "slack", 0.4, T0.AddMinutes(3)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("canteen menu", "webchat", null, T0.AddMinutes(4)), CancellationToken.None);

        var all = await store.SummarizeUnansweredAsync(null, 10, CancellationToken.None);

        Assert.Equal(
            [
                new UnansweredQuestionSummary("HOW DO I BOOK PARKING", 3, T0, T0.AddMinutes(3), 0.4),
                new UnansweredQuestionSummary("canteen menu", 1, T0.AddMinutes(4), T0.AddMinutes(4), null),
                new UnansweredQuestionSummary("expense report stuck", 1, T0.AddMinutes(1), T0.AddMinutes(1), null),
            ],
            all);
        Assert.Equal(["HOW DO I BOOK PARKING"], (await store.SummarizeUnansweredAsync(null, 1, CancellationToken.None)).Select(s => s.Question));
        var recent = await store.SummarizeUnansweredAsync(T0.AddMinutes(2), 10, CancellationToken.None);
        Assert.Equal([("HOW DO I BOOK PARKING", 2, T0.AddMinutes(2)), ("canteen menu", 1, T0.AddMinutes(4))], recent.Select(s => (s.Question, s.Times, s.FirstAskedAt)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteBefore_OldRows_GoFromBothTablesAndNewerAnswersStillLand(bool sqlite)
    {
        IKnowledgeFeedbackStore store = sqlite ? new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file)) : new MemoryKnowledgeFeedbackStore();
        await store.InitializeAsync(CancellationToken.None);
        var old = await store.RecordShownAsync(Impression("vpn-wont-connect", "vpn broken", T0.AddDays(-400)), CancellationToken.None);
        await store.RecordFeedbackAsync(old, helped: true, T0.AddDays(-400), CancellationToken.None);
        var recent = await store.RecordShownAsync(Impression("vpn-wont-connect", "vpn down", T0.AddDays(-2)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("old question", "webchat", null, T0.AddDays(-366)), CancellationToken.None);
        await store.RecordUnansweredAsync(new UnansweredQuestion("new question", "webchat", null, T0.AddDays(-1)), CancellationToken.None);

        var deleted = await store.DeleteBeforeAsync(T0.AddDays(-365), CancellationToken.None);
        await store.RecordFeedbackAsync(recent, helped: false, T0, CancellationToken.None);
        var next = await store.RecordShownAsync(Impression("printer-offline", "printer", T0), CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal([new ArticleFeedbackSummary("vpn-wont-connect", "Title of vpn-wont-connect", 1, 0, 1), new ArticleFeedbackSummary("printer-offline", "Title of printer-offline", 1, 0, 0)],
            (await store.SummarizeAsync(null, CancellationToken.None)).OrderByDescending(s => s.NotHelped));
        Assert.Equal([new ArticleAnswer("vpn down", "vpn-wont-connect", false)], await store.ListAnswersAsync(null, CancellationToken.None));
        Assert.Equal(["new question"], (await store.SummarizeUnansweredAsync(null, 10, CancellationToken.None)).Select(q => q.Question));
        Assert.True(next > recent, "ids keep growing after a deletion");
        Assert.Equal(0, await store.DeleteBeforeAsync(T0.AddDays(-365), CancellationToken.None));
    }

    [Fact]
    public async Task RecordUnanswered_ManyAtOnce_AllStoredInBatchesAndReadBack()
    {
        var store = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        await store.InitializeAsync(CancellationToken.None);
        var count = SqliteKnowledgeFeedbackStore.MaxBatch * 3 + 7;

        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            store.RecordUnansweredAsync(new UnansweredQuestion($"question {i % 100}", "webchat", null, T0.AddSeconds(i)), CancellationToken.None)));
        var summaries = await store.SummarizeUnansweredAsync(null, 1000, CancellationToken.None);

        Assert.Equal(100, summaries.Count);
        Assert.Equal(count, summaries.Sum(s => s.Times));
    }

    [Fact]
    public async Task DisposeAsync_QuestionsStillQueued_StoredBeforeItReturns()
    {
        var database = SqliteDatabase.ForFile(_file);
        await using (var store = new SqliteKnowledgeFeedbackStore(database))
        {
            await store.InitializeAsync(CancellationToken.None);
            for (var i = 0; i < 50; i++)
            {
                await store.RecordUnansweredAsync(new UnansweredQuestion($"question {i}", "webchat", null, T0), CancellationToken.None);
            }
        }

        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM kb_unanswered";
        Assert.Equal(50L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RecordUnanswered_MemoryStore_SameReportAsSqlite()
    {
        var sqlite = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        var memory = new MemoryKnowledgeFeedbackStore();
        await sqlite.InitializeAsync(CancellationToken.None);
        UnansweredQuestion[] questions =
        [
            new("vpn portal gone?", "webchat", 0.1, T0),
            new("where is the vpn portal", "webchat", null, T0.AddMinutes(1)),
            new("VPN portal gone", "msteams", 0.3, T0.AddMinutes(2)),
            new("where is the vpn portal", "slack", 0.2, T0.AddMinutes(3)),
            new("new laptop when", "webchat", null, T0.AddMinutes(4)),
        ];
        foreach (var question in questions)
        {
            await sqlite.RecordUnansweredAsync(question, CancellationToken.None);
            await memory.RecordUnansweredAsync(question, CancellationToken.None);
        }

        foreach (var (since, top) in new (DateTimeOffset?, int)[] { (null, 10), (null, 2), (T0.AddMinutes(1), 10) })
        {
            Assert.Equal(await sqlite.SummarizeUnansweredAsync(since, top, CancellationToken.None), await memory.SummarizeUnansweredAsync(since, top, CancellationToken.None));
        }
    }

    [Fact]
    public async Task RecordShownAndFeedback_Summarized_PerArticle()
    {
        var store = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        await store.InitializeAsync(CancellationToken.None);

        var a = await store.RecordShownAsync(Impression("vpn-wont-connect", "vpn broken", T0), CancellationToken.None);
        var b = await store.RecordShownAsync(Impression("vpn-wont-connect", "vpn still broken", T0.AddMinutes(1)), CancellationToken.None);
        var c = await store.RecordShownAsync(Impression("vpn-certificate-error", "vpn cert expired", T0.AddMinutes(2)), CancellationToken.None);
        await store.RecordShownAsync(Impression("vpn-wont-connect", "vpn", T0.AddMinutes(3)), CancellationToken.None);
        await store.RecordFeedbackAsync(a, helped: false, T0.AddMinutes(4), CancellationToken.None);
        await store.RecordFeedbackAsync(b, helped: true, T0.AddMinutes(5), CancellationToken.None);
        await store.RecordFeedbackAsync(c, helped: true, T0.AddMinutes(6), CancellationToken.None);

        Assert.True(a < b && b < c);
        var all = await store.SummarizeAsync(null, CancellationToken.None);
        Assert.Equal(
            [new ArticleFeedbackSummary("vpn-wont-connect", "Title of vpn-wont-connect", 3, 1, 1), new ArticleFeedbackSummary("vpn-certificate-error", "Title of vpn-certificate-error", 1, 1, 0)],
            all);
        Assert.Equal(1, all[0].Unanswered);
        var recent = await store.SummarizeAsync(T0.AddMinutes(2), CancellationToken.None);
        Assert.Equal([("vpn-certificate-error", 1), ("vpn-wont-connect", 1)], recent.Select(s => (s.ArticleId, s.Shown)).Order());
    }

    [Fact]
    public async Task Rows_SurviveANewStoreOnTheSameFile()
    {
        var first = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        var id = await first.RecordShownAsync(Impression("printer-offline", "printer offline", T0), CancellationToken.None);
        await first.RecordFeedbackAsync(id, helped: true, T0.AddMinutes(1), CancellationToken.None);

        var second = new SqliteKnowledgeFeedbackStore(SqliteDatabase.ForFile(_file));
        var summary = Assert.Single(await second.SummarizeAsync(null, CancellationToken.None));

        Assert.Equal(("printer-offline", 1, 1), (summary.ArticleId, summary.Shown, summary.Helped));
        await using var connection = await SqliteDatabase.ForFile(_file).OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT shown_at, answered_at, channel_id, query, rank, confidence FROM kb_feedback";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("2026-12-01T09:00:00.0000000Z", "2026-12-01T09:01:00.0000000Z", "webchat", "printer offline", 1, 0.8),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetDouble(5)));
    }

    private static ArticleImpression Impression(string id, string query, DateTimeOffset at) =>
        new(id, "Title of " + id, query, "webchat", 1, 0.8, at);
}

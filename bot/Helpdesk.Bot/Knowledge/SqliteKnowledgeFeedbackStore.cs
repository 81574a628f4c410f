using System.Globalization;
using Helpdesk.Bot.Core.State;
using Helpdesk.Skills.Knowledge;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Article feedback in the bot's SQLite database (table <c>kb_feedback</c>): one row per article shown for a
/// question — when, on which channel, the redacted question, rank and confidence — and, once the user answered,
/// whether it helped; and one row per question no article answered (table <c>kb_unanswered</c>: when, channel, the
/// redacted question, its <see cref="QuestionKey"/> and the best confidence reached). Times are UTC ISO 8601 text, so
/// they sort and compare as text.
/// </summary>
internal sealed class SqliteKnowledgeFeedbackStore : IKnowledgeFeedbackStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS kb_feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            shown_at TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            query TEXT NOT NULL,
            article_id TEXT NOT NULL,
            article_title TEXT NOT NULL,
            rank INTEGER NOT NULL,
            confidence REAL NOT NULL,
            helped INTEGER NULL CHECK (helped IN (0, 1)),
            answered_at TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS kb_feedback_article ON kb_feedback (article_id, shown_at);
        CREATE INDEX IF NOT EXISTS kb_feedback_shown ON kb_feedback (shown_at);
        CREATE TABLE IF NOT EXISTS kb_unanswered (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            asked_at TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            query TEXT NOT NULL,
            query_key TEXT NOT NULL,
            best_confidence REAL NULL
        );
        CREATE INDEX IF NOT EXISTS kb_unanswered_asked ON kb_unanswered (asked_at);
        """;

    private readonly SqliteDatabase _database;
    private readonly Lazy<Task> _schema;

    public SqliteKnowledgeFeedbackStore(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.Value.WaitAsync(cancellationToken);

    public async Task<long> RecordShownAsync(ArticleImpression impression, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(impression);
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO kb_feedback (shown_at, channel_id, query, article_id, article_title, rank, confidence)
            VALUES ($shownAt, $channel, $query, $articleId, $title, $rank, $confidence)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$shownAt", Format(impression.ShownAt));
        command.Parameters.AddWithValue("$channel", impression.ChannelId);
        command.Parameters.AddWithValue("$query", impression.Query);
        command.Parameters.AddWithValue("$articleId", impression.ArticleId);
        command.Parameters.AddWithValue("$title", impression.ArticleTitle);
        command.Parameters.AddWithValue("$rank", impression.Rank);
        command.Parameters.AddWithValue("$confidence", impression.Confidence);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task RecordFeedbackAsync(long impressionId, bool helped, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE kb_feedback SET helped = $helped, answered_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$helped", helped ? 1 : 0);
        command.Parameters.AddWithValue("$at", Format(at));
        command.Parameters.AddWithValue("$id", impressionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleFeedbackSummary>> SummarizeAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT article_id,
                   (SELECT latest.article_title FROM kb_feedback latest WHERE latest.article_id = f.article_id ORDER BY latest.id DESC LIMIT 1),
                   COUNT(*), COALESCE(SUM(helped = 1), 0), COALESCE(SUM(helped = 0), 0)
            FROM kb_feedback f
            WHERE $since IS NULL OR shown_at >= $since
            GROUP BY article_id
            ORDER BY COUNT(*) DESC, article_id
            """;
        command.Parameters.AddWithValue("$since", since is { } value ? Format(value) : DBNull.Value);
        var summaries = new List<ArticleFeedbackSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new ArticleFeedbackSummary(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return summaries;
    }

    public async Task<IReadOnlyList<ArticleAnswer>> ListAnswersAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT query, article_id, helped FROM kb_feedback
            WHERE helped IS NOT NULL AND ($since IS NULL OR shown_at >= $since)
            ORDER BY id
            """;
        command.Parameters.AddWithValue("$since", since is { } value ? Format(value) : DBNull.Value);
        var answers = new List<ArticleAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(new ArticleAnswer(reader.GetString(0), reader.GetString(1), reader.GetInt32(2) == 1));
        }

        return answers;
    }

    public async Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO kb_unanswered (asked_at, channel_id, query, query_key, best_confidence)
            VALUES ($askedAt, $channel, $query, $key, $confidence)
            """;
        command.Parameters.AddWithValue("$askedAt", Format(question.AskedAt));
        command.Parameters.AddWithValue("$channel", question.ChannelId);
        command.Parameters.AddWithValue("$query", question.Query);
        command.Parameters.AddWithValue("$key", QuestionKey.For(question.Query));
        command.Parameters.AddWithValue("$confidence", question.BestConfidence is { } confidence ? confidence : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredQuestionSummary>> SummarizeUnansweredAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        // The latest wording of each group: the row with the group's highest id (ids grow with time).
        command.CommandText = """
            WITH grouped AS (
                SELECT query_key, COUNT(*) AS times, MIN(asked_at) AS first_at, MAX(asked_at) AS last_at,
                       MAX(best_confidence) AS best, MAX(id) AS latest
                FROM kb_unanswered
                WHERE $since IS NULL OR asked_at >= $since
                GROUP BY query_key)
            SELECT u.query, g.times, g.first_at, g.last_at, g.best
            FROM grouped g JOIN kb_unanswered u ON u.id = g.latest
            ORDER BY g.times DESC, g.last_at DESC, g.query_key
            LIMIT $top
            """;
        command.Parameters.AddWithValue("$since", since is { } value ? Format(value) : DBNull.Value);
        command.Parameters.AddWithValue("$top", top);
        var summaries = new List<UnansweredQuestionSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new UnansweredQuestionSummary(
                reader.GetString(0),
                reader.GetInt32(1),
                Parse(reader.GetString(2)),
                Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return summaries;
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM kb_feedback WHERE shown_at < $before;
            DELETE FROM kb_unanswered WHERE asked_at < $before;
            """;
        command.Parameters.AddWithValue("$before", Format(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

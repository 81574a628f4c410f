using System.Globalization;
using System.Threading.Channels;
using Helpdesk.Bot.Core.State;
using Helpdesk.Skills.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Article feedback in the bot's SQLite database (table <c>kb_feedback</c>): one row per article shown for a
/// question — when, on which channel, the redacted question, rank and confidence — and, once the user answered,
/// whether it helped; and one row per question no article answered (table <c>kb_unanswered</c>: when, channel, the
/// redacted question, its <see cref="QuestionKey"/> and the best confidence reached). Times are UTC ISO 8601 text, so
/// they sort and compare as text.
/// Unanswered questions are written behind the turn: queued (at most <see cref="MaxQueued"/>; a full queue makes the
/// caller wait, so none is dropped) and stored by one writer in a transaction per batch, because every message no
/// article answers would otherwise add a commit to the turn. Reading or deleting them waits for what is queued;
/// disposing stores the rest. A batch that cannot be stored is retried <see cref="MaxAttempts"/> times, then logged
/// and dropped.
/// </summary>
internal sealed class SqliteKnowledgeFeedbackStore : IKnowledgeFeedbackStore, IAsyncDisposable
{
    /// <summary>Most unanswered questions waiting to be stored.</summary>
    public const int MaxQueued = 10_000;

    /// <summary>Most rows per transaction.</summary>
    public const int MaxBatch = 500;

    /// <summary>Tries per batch before it is dropped.</summary>
    public const int MaxAttempts = 5;

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
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lazy<Task> _writer;
    private long _queued;
    private long _done;
    private TaskCompletionSource _batchDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteKnowledgeFeedbackStore(SqliteDatabase database, TimeProvider? time = null, ILogger<SqliteKnowledgeFeedbackStore>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
        _writer = new Lazy<Task>(() => Task.Run(WriteQueuedAsync));
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
        _ = _writer.Value;
        await _queue.Writer.WriteAsync(question, cancellationToken);
        Interlocked.Increment(ref _queued);
    }

    /// <summary>Waits until every unanswered question queued before the call is stored (or given up on).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _done) < target)
        {
            var next = Volatile.Read(ref _batchDone).Task;
            if (Interlocked.Read(ref _done) >= target)
            {
                break;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    public async Task<IReadOnlyList<UnansweredQuestionSummary>> SummarizeUnansweredAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        await FlushAsync(cancellationToken);
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
        await FlushAsync(cancellationToken);
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

    private async Task WriteQueuedAsync()
    {
        var batch = new List<UnansweredQuestion>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var question))
            {
                batch.Add(question);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await InsertAsync(batch);
                    break;
                }
                catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
                {
                    if (attempt == MaxAttempts)
                    {
                        _logger.LogError("Knowledge feedback: {Count} unanswered questions could not be stored after {Attempts} attempts and are dropped ({ExceptionType})", batch.Count, attempt, ex.GetType().Name);
                        break;
                    }

                    var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt - 1));
                    _logger.LogWarning("Knowledge feedback: storing {Count} unanswered questions failed ({ExceptionType}); retrying in {Delay}", batch.Count, ex.GetType().Name, delay);
                    await Task.Delay(delay, _time);
                }
            }

            Interlocked.Add(ref _done, batch.Count);
            batch.Clear();
            Interlocked.Exchange(ref _batchDone, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task InsertAsync(List<UnansweredQuestion> batch)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        using var writing = await _database.EnterWriteAsync(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO kb_unanswered (asked_at, channel_id, query, query_key, best_confidence)
            VALUES ($askedAt, $channel, $query, $key, $confidence)
            """;
        var askedAt = command.Parameters.Add("$askedAt", SqliteType.Text);
        var channel = command.Parameters.Add("$channel", SqliteType.Text);
        var query = command.Parameters.Add("$query", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var confidence = command.Parameters.Add("$confidence", SqliteType.Real);
        foreach (var question in batch)
        {
            askedAt.Value = Format(question.AskedAt);
            channel.Value = question.ChannelId;
            query.Value = question.Query;
            key.Value = QuestionKey.For(question.Query);
            confidence.Value = question.BestConfidence is { } best ? best : DBNull.Value;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

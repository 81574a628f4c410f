using System.Globalization;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>
/// Transcripts in the bot's SQLite database: survive restarts, so a client that reconnects with its last
/// watermark gets exactly what it missed. An append is one IMMEDIATE transaction (next sequence + insert), so
/// sequence order is commit order.
/// </summary>
internal sealed class SqliteDirectLineConversationStore : IDirectLineConversationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS directline_conversations (
            id TEXT NOT NULL PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            user_id TEXT NULL,
            user_name TEXT NULL,
            last_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_directline_conversations_updated ON directline_conversations (updated_at);
        CREATE TABLE IF NOT EXISTS directline_activities (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        ) WITHOUT ROWID;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lazy<Task> _schema;

    public SqliteDirectLineConversationStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    public async Task<bool> CreateAsync(string conversationId, ChannelAccount? user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_conversations (id, created_at, updated_at, user_id, user_name, last_seq)
            VALUES ($id, $now, $now, $userId, $userName, 0)
            ON CONFLICT(id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$userId", (object?)user?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("$userName", (object?)user?.Name ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DirectLineConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, user_id, user_name, last_seq FROM directline_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DirectLineConversationRecord(
            conversationId,
            DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3));
    }

    public async Task<bool> SetUserIfMissingAsync(string conversationId, ChannelAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_conversations SET user_id = $userId, user_name = $userName WHERE id = $id AND user_id IS NULL";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$userId", (object?)user.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("$userName", (object?)user.Name ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<DirectLineStoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            long sequence;
            using (var next = connection.CreateCommand())
            {
                next.CommandText = "UPDATE directline_conversations SET last_seq = last_seq + 1, updated_at = $now WHERE id = $id RETURNING last_seq";
                next.Parameters.AddWithValue("$id", conversationId);
                next.Parameters.AddWithValue("$now", Now());
                var result = await next.ExecuteScalarAsync(cancellationToken)
                    ?? throw new KeyNotFoundException("The Direct Line conversation does not exist.");
                sequence = Convert.ToInt64(result, CultureInfo.InvariantCulture);
            }

            activity.Id = DirectLineIds.ActivityId(conversationId, sequence);
            var stored = new DirectLineStoredActivity(sequence, activity.Id, ActivitySerializer.Serialize(activity));
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO directline_activities (conversation_id, seq, id, json) VALUES ($conversationId, $seq, $id, $json)";
                insert.Parameters.AddWithValue("$conversationId", conversationId);
                insert.Parameters.AddWithValue("$seq", sequence);
                insert.Parameters.AddWithValue("$id", stored.Id);
                insert.Parameters.AddWithValue("$json", stored.Json);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return stored;
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<DirectLineStoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, id, json FROM directline_activities
            WHERE conversation_id = $id AND seq > $after
            ORDER BY seq
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        var activities = new List<DirectLineStoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new DirectLineStoredActivity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return activities;
    }

    public async Task<bool> ReplaceAsync(string conversationId, long sequence, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE directline_activities SET json = $json WHERE conversation_id = $id AND seq = $seq";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$json", json);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            var cutoff = Format(idleSince);
            using (var activities = connection.CreateCommand())
            {
                activities.CommandText = """
                    DELETE FROM directline_activities WHERE conversation_id IN
                        (SELECT id FROM directline_conversations WHERE updated_at < $cutoff)
                    """;
                activities.Parameters.AddWithValue("$cutoff", cutoff);
                await activities.ExecuteNonQueryAsync(cancellationToken);
            }

            int deleted;
            using (var conversations = connection.CreateCommand())
            {
                conversations.CommandText = "DELETE FROM directline_conversations WHERE updated_at < $cutoff";
                conversations.Parameters.AddWithValue("$cutoff", cutoff);
                deleted = await conversations.ExecuteNonQueryAsync(cancellationToken);
            }

            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return deleted;
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await _database.OpenAsync(cancellationToken);
    }

    /// <summary>UTC, ISO 8601 with a fixed width, so text order is time order.</summary>
    private string Now() => Format(_time.GetUtcNow());

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>
/// The append-only audit log in the bot's SQLite database. There is no update or delete in this code, and triggers
/// refuse any UPDATE or DELETE on the table; each record carries a SHA-256 hash over the previous record's hash and
/// its own fields, so a record changed or removed outside the bot shows up in <see cref="VerifyAsync"/>.
/// </summary>
public sealed class SqliteAuditLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER NOT NULL PRIMARY KEY,
            at INTEGER NOT NULL,
            event TEXT NOT NULL,
            account TEXT NOT NULL,
            channel TEXT NOT NULL,
            conversation TEXT NULL,
            source TEXT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_audit_log_at ON audit_log (at);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lazy<Task> _schema;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteAuditLog(SqliteDatabase database, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    /// <summary>Appends <paramref name="entry"/>; returns the stored record.</summary>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _schema.Value;
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            using var begin = connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(cancellationToken);
            try
            {
                long sequence = 1;
                var previous = AuditChain.Genesis;
                using (var last = connection.CreateCommand())
                {
                    last.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
                    await using var reader = await last.ExecuteReaderAsync(cancellationToken);
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        sequence = reader.GetInt64(0) + 1;
                        previous = reader.GetString(1);
                    }
                }

                var at = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
                var hash = AuditChain.HashOf(previous, sequence, at, entry);
                using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = """
                        INSERT INTO audit_log (seq, at, event, account, channel, conversation, source, outcome, detail, hash)
                        VALUES ($seq, $at, $event, $account, $channel, $conversation, $source, $outcome, $detail, $hash)
                        """;
                    insert.Parameters.AddWithValue("$seq", sequence);
                    insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                    insert.Parameters.AddWithValue("$event", entry.Event);
                    insert.Parameters.AddWithValue("$account", entry.Account);
                    insert.Parameters.AddWithValue("$channel", entry.Channel);
                    insert.Parameters.AddWithValue("$conversation", (object?)entry.ConversationId ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$source", (object?)entry.Source ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$outcome", entry.Outcome);
                    insert.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$hash", hash);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                using var commit = connection.CreateCommand();
                commit.CommandText = "COMMIT";
                await commit.ExecuteNonQueryAsync(cancellationToken);
                return new AuditRecord(sequence, at, entry, hash);
            }
            catch
            {
                using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Records written in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, at, event, account, channel, conversation, source, outcome, detail, hash FROM audit_log
            WHERE at >= $from AND at < $to ORDER BY seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", from?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("$to", to?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadRecordsAsync(command, cancellationToken);
    }

    /// <summary>Recomputes the whole chain.</summary>
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, event, account, channel, conversation, source, outcome, detail, hash FROM audit_log ORDER BY seq";
        var previous = AuditChain.Genesis;
        long expected = 1;
        foreach (var record in await ReadRecordsAsync(command, cancellationToken))
        {
            if (record.Sequence != expected || !string.Equals(AuditChain.HashOf(previous, record.Sequence, record.At, record.Entry), record.Hash, StringComparison.Ordinal))
            {
                return new AuditChainVerification(false, expected - 1, expected);
            }

            previous = record.Hash;
            expected++;
        }

        return new AuditChainVerification(true, expected - 1, null);
    }

    /// <summary>How many records of <paramref name="auditEvent"/> for <paramref name="account"/> since <paramref name="since"/>.</summary>
    public async Task<int> CountAsync(string auditEvent, string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_log WHERE event = $event AND account = $account AND at >= $since";
        command.Parameters.AddWithValue("$event", auditEvent);
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<AuditRecord>> ReadRecordsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                new AuditEntry(
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)),
                reader.GetString(9)));
        }

        return records;
    }
}

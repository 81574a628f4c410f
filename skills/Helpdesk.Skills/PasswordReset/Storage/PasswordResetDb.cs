using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Skills.PasswordReset.Storage;

/// <summary>
/// The skill's tables in the bot's SQLite database (codes, links, counters, blocks, enrolments, audit), created on
/// first use, with small helpers for parameterized statements. Times are stored as Unix milliseconds.
/// </summary>
public sealed class PasswordResetDb
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS pr_codes (
            id TEXT NOT NULL PRIMARY KEY,
            subject TEXT NOT NULL,
            method TEXT NOT NULL,
            conversation TEXT NOT NULL,
            hash BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            consumed_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_pr_codes_subject ON pr_codes (subject, created_at);
        CREATE TABLE IF NOT EXISTS pr_links (
            lookup TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            conversation TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            claimed_at INTEGER NULL,
            used_at INTEGER NULL
        );
        CREATE TABLE IF NOT EXISTS pr_events (
            scope TEXT NOT NULL,
            subject TEXT NOT NULL,
            kind TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_pr_events ON pr_events (scope, subject, kind, at);
        CREATE TABLE IF NOT EXISTS pr_blocks (
            scope TEXT NOT NULL,
            subject TEXT NOT NULL,
            until INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (scope, subject)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pr_resets (
            account_id TEXT NOT NULL PRIMARY KEY,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pr_totp (
            account_id TEXT NOT NULL PRIMARY KEY,
            secret BLOB NOT NULL,
            enrolled_at INTEGER NOT NULL,
            last_step INTEGER NOT NULL DEFAULT -1
        ) WITHOUT ROWID;
        """;

    private readonly SqliteDatabase _database;
    private readonly Lazy<Task> _schema;

    public PasswordResetDb(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    /// <summary>The underlying database (the audit log keeps its own table in it).</summary>
    public SqliteDatabase Database => _database;

    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await _database.OpenAsync(cancellationToken);
    }

    /// <summary>Runs a statement; returns the rows changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Maps every row with <paramref name="map"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

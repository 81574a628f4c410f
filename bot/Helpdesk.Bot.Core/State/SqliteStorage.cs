using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// <see cref="IStorage"/> on SQLite: the default store. Writes run in one IMMEDIATE transaction that checks every
/// ETag before changing anything, so a lost race changes nothing and throws <see cref="StorageConcurrencyException"/>.
/// Writes and deletes take this process's turn at the database first (<see cref="SqliteDatabase.EnterWriteAsync"/>).
/// Values move as UTF-8 (read with <c>sqlite3_column_blob</c>, written as a blob cast to TEXT), so no UTF-16 copy of a
/// state document is made; the column still holds JSON text.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bot_state (
            key TEXT NOT NULL PRIMARY KEY,
            etag TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lazy<Task> _schema;

    public SqliteStorage(SqliteDatabase database, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag FROM bot_state WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var utf8 = reader.GetFieldValue<byte[]>(0);
                result[key] = new StoreItem(JsonSerializer.Deserialize<JsonElement>(utf8), reader.GetString(1));
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var writing = await _database.EnterWriteAsync(cancellationToken);
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
            var selectKey = select.Parameters.Add("$key", SqliteType.Text);
            foreach (var (key, item) in changes)
            {
                selectKey.Value = key;
                var current = await select.ExecuteScalarAsync(cancellationToken) as string;
                StorageConditions.Check(key, item.ETag, current);
            }

            using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO bot_state (key, etag, value, updated_at) VALUES ($key, $etag, CAST($value AS TEXT), $updated)
                ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
                """;
            var keyParam = upsert.Parameters.Add("$key", SqliteType.Text);
            var etagParam = upsert.Parameters.Add("$etag", SqliteType.Text);
            var valueParam = upsert.Parameters.Add("$value", SqliteType.Blob);
            upsert.Parameters.AddWithValue("$updated", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, item) in changes)
            {
                var etag = StorageConditions.NewETag();
                keyParam.Value = key;
                etagParam.Value = etag;
                valueParam.Value = JsonMarshal.GetRawUtf8Value(item.Value).ToArray();
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                etags[key] = etag;
            }

            using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync(cancellationToken);
            return etags;
        }
        catch
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await _schema.Value;
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var writing = await _database.EnterWriteAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE key = $key";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// <see cref="IStorage"/> on SQLite: the default store. A write of one item is one conditional statement (an
/// <c>UPDATE … WHERE etag = $expected</c>, an <c>INSERT … ON CONFLICT DO NOTHING</c> for a new item, an upsert for
/// <c>*</c>), so the ETag check and the change are atomic without a transaction of several statements; a write of
/// several items runs in one IMMEDIATE transaction, so a lost race changes nothing. Either way a lost race throws
/// <see cref="StorageConcurrencyException"/>. Writes and deletes take this process's turn at the database first
/// on its own connection (<see cref="SqliteDatabase.EnterSessionAsync"/>), and so do reads.
/// Reads keep the parsed value of each item this instance last read or wrote, with its ETag, and ask the database
/// only for the current ETag while it matches (<c>CASE WHEN etag = $known THEN NULL ELSE value END</c>), so an
/// unchanged state document is neither copied out of the database nor parsed again on the next turn; an item changed
/// by anyone else (another instance, another process) has another ETag and is read in full. Values move as UTF-8 (read
/// with <c>sqlite3_column_blob</c>, written as a blob cast to TEXT), so no UTF-16 copy of a state document is made;
/// the column still holds JSON text.
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

    private const string ReadSql = "SELECT etag, CASE WHEN etag = $known THEN NULL ELSE value END FROM bot_state WHERE key = $key";
    private const string UpdateSql = "UPDATE bot_state SET etag = $etag, value = CAST($value AS TEXT), updated_at = $updated WHERE key = $key AND etag = $expected";
    private const string InsertSql = "INSERT INTO bot_state (key, etag, value, updated_at) VALUES ($key, $etag, CAST($value AS TEXT), $updated) ON CONFLICT(key) DO NOTHING";
    private const string UpsertSql = """
        INSERT INTO bot_state (key, etag, value, updated_at) VALUES ($key, $etag, CAST($value AS TEXT), $updated)
        ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
        """;

    /// <summary>How many parsed items are kept; past it the cache starts again (a read costs one full read more).</summary>
    internal const int MaxCachedItems = 10_000;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lazy<Task> _schema;
    private readonly ConcurrentDictionary<string, StoreItem> _cache = new(StringComparer.Ordinal);

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
        using var session = await _database.EnterSessionAsync(cancellationToken);
        foreach (var key in keys)
        {
            var cached = _cache.GetValueOrDefault(key);
            var command = session.Command(ReadSql);
            command.Parameters.Add("$key", SqliteType.Text).Value = key;
            command.Parameters.Add("$known", SqliteType.Text).Value = (object?)cached?.ETag ?? DBNull.Value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                _cache.TryRemove(key, out _);
                continue;
            }

            var etag = reader.GetString(0);
            if (cached is not null && reader.IsDBNull(1) && string.Equals(cached.ETag, etag, StringComparison.Ordinal))
            {
                result[key] = cached;
                continue;
            }

            var item = new StoreItem(JsonSerializer.Deserialize<JsonElement>(reader.GetFieldValue<byte[]>(1)), etag);
            Remember(key, item);
            result[key] = item;
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
        using var session = await _database.EnterSessionAsync(cancellationToken);
        var transaction = changes.Count > 1;
        if (transaction)
        {
            await session.ExecuteAsync("BEGIN IMMEDIATE", cancellationToken);
        }

        try
        {
            var updated = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (key, item) in changes)
            {
                var etag = StorageConditions.NewETag();
                var command = session.Command(item.ETag switch
                {
                    StoreItem.AnyETag => UpsertSql,
                    null => InsertSql,
                    _ => UpdateSql,
                });
                command.Parameters.Add("$key", SqliteType.Text).Value = key;
                command.Parameters.Add("$etag", SqliteType.Text).Value = etag;
                command.Parameters.Add("$value", SqliteType.Blob).Value = JsonMarshal.GetRawUtf8Value(item.Value).ToArray();
                command.Parameters.Add("$updated", SqliteType.Text).Value = updated;
                if (item.ETag is { } expected and not StoreItem.AnyETag)
                {
                    command.Parameters.Add("$expected", SqliteType.Text).Value = expected;
                }

                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    _cache.TryRemove(key, out _);
                    throw new StorageConcurrencyException(key, item.ETag, await CurrentETagAsync(session, key, cancellationToken));
                }

                etags[key] = etag;
            }

            if (transaction)
            {
                await session.ExecuteAsync("COMMIT", cancellationToken);
            }
        }
        catch
        {
            if (transaction)
            {
                await session.ExecuteAsync("ROLLBACK", CancellationToken.None);
            }

            throw;
        }

        foreach (var (key, item) in changes)
        {
            // Clone: the caller may dispose the document its value came from (a no-op for serializer-made values).
            Remember(key, new StoreItem(item.Value.Clone(), etags[key]));
        }

        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await _schema.Value;
        using var session = await _database.EnterSessionAsync(cancellationToken);
        foreach (var key in keys)
        {
            _cache.TryRemove(key, out _);
            var command = session.Command("DELETE FROM bot_state WHERE key = $key");
            command.Parameters.Add("$key", SqliteType.Text).Value = key;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<string?> CurrentETagAsync(SqliteSession session, string key, CancellationToken cancellationToken)
    {
        var command = session.Command("SELECT etag FROM bot_state WHERE key = $key");
        command.Parameters.Add("$key", SqliteType.Text).Value = key;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private void Remember(string key, StoreItem item)
    {
        if (_cache.Count >= MaxCachedItems && !_cache.ContainsKey(key))
        {
            _cache.Clear();
        }

        _cache[key] = item;
    }
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
/// <para>
/// With a write-behind interval (<see cref="SqliteStorage(SqliteDatabase, TimeProvider, TimeSpan, ILogger?)"/>), for
/// a database that only this instance writes state to — the bot's own file, one bot process per file: this instance's
/// copy of every item it knows is the truth. ETag conditions are checked against it and a write or delete changes it
/// at once (all items of a call together, or none); the changes reach the database within the interval, all that
/// are pending in one transaction and with the same ETags, and reads of known items never query the database. A
/// failed flush is logged and retried (nothing pending is dropped); <see cref="FlushAsync"/> and disposal write
/// everything pending. What a crash can lose is what the interval holds, the same window the queued transcript has.
/// </para>
/// </summary>
public sealed partial class SqliteStorage : IStorage, IAsyncDisposable
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

    // Write-behind mode only (all under _gate): every item this instance knows (null = known not to exist) and the
    // keys whose current value the database does not have yet.
    private readonly TimeSpan _writeBehind;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, StoreItem?> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _flusher;
    private bool _disposed;

    public SqliteStorage(SqliteDatabase database, TimeProvider time)
        : this(database, time, TimeSpan.Zero)
    {
    }

    /// <param name="writeBehind">How long a change may wait before it is written; zero: written before the call returns.</param>
    public SqliteStorage(SqliteDatabase database, TimeProvider time, TimeSpan writeBehind, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writeBehind, TimeSpan.Zero);
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _writeBehind = writeBehind;
        _logger = logger ?? NullLogger.Instance;
        _schema = new Lazy<Task>(() => _database.ExecuteAsync(Schema, CancellationToken.None));
    }

    /// <summary>True when changes are written behind the calls (see the class remarks).</summary>
    public bool IsWriteBehind => _writeBehind > TimeSpan.Zero;

    /// <summary>Changes not written to the database yet (always 0 without write-behind).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count;
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        if (IsWriteBehind)
        {
            return await ReadKnownAsync(keys, result, cancellationToken);
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

        if (IsWriteBehind)
        {
            return await WriteKnownAsync(changes, etags, cancellationToken);
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

        if (IsWriteBehind)
        {
            DeleteKnown(keys);
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

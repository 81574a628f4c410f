using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Bot.Core.State;

/// <summary>The write-behind mode of <see cref="SqliteStorage"/> (see its remarks).</summary>
public sealed partial class SqliteStorage
{
    private const string LoadSql = "SELECT etag, value FROM bot_state WHERE key = $key";
    private const string DeleteSql = "DELETE FROM bot_state WHERE key = $key";

    /// <summary>How long a failed flush waits before the next attempt.</summary>
    internal static readonly TimeSpan FlushRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Writes every pending change now, in one transaction (a no-op without write-behind).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!IsWriteBehind)
        {
            return;
        }

        await _flushing.WaitAsync(cancellationToken);
        try
        {
            await FlushPendingAsync(cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Stops the background writer and writes what is pending.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync();
        if (_flusher is { } flusher)
        {
            await flusher;
        }

        if (IsWriteBehind)
        {
            try
            {
                await FlushAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                LogFinalFlushFailed(_logger, ex, PendingCount);
            }
        }

        _stopping.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, StoreItem>> ReadKnownAsync(IReadOnlyCollection<string> keys, Dictionary<string, StoreItem> result, CancellationToken cancellationToken)
    {
        List<string>? unknown = null;
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_known.TryGetValue(key, out var item))
                {
                    if (item is not null)
                    {
                        result[key] = item;
                    }
                }
                else
                {
                    (unknown ??= []).Add(key);
                }
            }
        }

        if (unknown is null)
        {
            return result;
        }

        var loaded = await LoadAsync(unknown, cancellationToken);
        lock (_gate)
        {
            foreach (var key in unknown)
            {
                if (Learn(key, loaded[key]) is { } item)
                {
                    result[key] = item;
                }
            }
        }

        return result;
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteKnownAsync(IReadOnlyDictionary<string, StoreItem> changes, Dictionary<string, string> etags, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            List<string>? unknown = null;
            lock (_gate)
            {
                foreach (var (key, item) in changes)
                {
                    if (item.ETag is not StoreItem.AnyETag && !_known.ContainsKey(key))
                    {
                        (unknown ??= []).Add(key);
                    }
                }

                if (unknown is null)
                {
                    // Every condition first, then every change: all of them or none.
                    foreach (var (key, item) in changes)
                    {
                        var current = _known.GetValueOrDefault(key);
                        if (item.ETag is not StoreItem.AnyETag && !string.Equals(item.ETag, current?.ETag, StringComparison.Ordinal))
                        {
                            throw new StorageConcurrencyException(key, item.ETag, current?.ETag);
                        }
                    }

                    foreach (var (key, item) in changes)
                    {
                        // Clone: the caller may dispose the document its value came from (a no-op for serializer-made values).
                        var stored = new StoreItem(item.Value.Clone(), StorageConditions.NewETag());
                        Set(key, stored);
                        etags[key] = stored.ETag!;
                    }

                    break;
                }
            }

            // What is stored for keys this instance has not seen yet (a restart, or forgotten past the cache limit).
            var loaded = await LoadAsync(unknown, cancellationToken);
            lock (_gate)
            {
                foreach (var key in unknown)
                {
                    Learn(key, loaded[key]);
                }
            }
        }

        Wake();
        return etags;
    }

    private void DeleteKnown(IReadOnlyCollection<string> keys)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                Set(key, null);
            }
        }

        Wake();
    }

    /// <summary>Records a change (null: deleted) as this instance's truth, to be written by the next flush. Under the gate.</summary>
    private void Set(string key, StoreItem? item)
    {
        if (!_known.ContainsKey(key) && _known.Count >= MaxCachedItems)
        {
            ForgetWritten();
        }

        _known[key] = item;
        _dirty.Add(key);
    }

    /// <summary>Remembers what the database holds for <paramref name="key"/>, unless a newer value is known. Under the gate.</summary>
    private StoreItem? Learn(string key, StoreItem? loaded)
    {
        if (_known.TryGetValue(key, out var current))
        {
            return current; // learned or changed meanwhile: that value is at least as new as the one loaded
        }

        if (_known.Count >= MaxCachedItems)
        {
            ForgetWritten();
        }

        _known[key] = loaded;
        return loaded;
    }

    /// <summary>Forgets every item the database already has (read again from it when next needed). Under the gate.</summary>
    private void ForgetWritten()
    {
        foreach (var key in _known.Keys.Where(key => !_dirty.Contains(key)).ToList())
        {
            _known.Remove(key);
        }
    }

    private async Task<Dictionary<string, StoreItem?>> LoadAsync(List<string> keys, CancellationToken cancellationToken)
    {
        await _schema.Value;
        var loaded = new Dictionary<string, StoreItem?>(StringComparer.Ordinal);
        using var session = await _database.EnterSessionAsync(cancellationToken);
        foreach (var key in keys)
        {
            var command = session.Command(LoadSql);
            command.Parameters.Add("$key", SqliteType.Text).Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            loaded[key] = await reader.ReadAsync(cancellationToken)
                ? new StoreItem(JsonSerializer.Deserialize<JsonElement>(reader.GetFieldValue<byte[]>(1)), reader.GetString(0))
                : null;
        }

        return loaded;
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, StoreItem?>> batch;
        lock (_gate)
        {
            if (_dirty.Count == 0)
            {
                return;
            }

            batch = [.. _dirty.Select(key => KeyValuePair.Create(key, _known[key]))];
        }

        await _schema.Value;
        using (var session = await _database.EnterSessionAsync(cancellationToken))
        {
            await session.ExecuteAsync("BEGIN IMMEDIATE", cancellationToken);
            try
            {
                var updated = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                foreach (var (key, item) in batch)
                {
                    var command = session.Command(item is null ? DeleteSql : UpsertSql);
                    command.Parameters.Add("$key", SqliteType.Text).Value = key;
                    if (item is not null)
                    {
                        command.Parameters.Add("$etag", SqliteType.Text).Value = item.ETag;
                        command.Parameters.Add("$value", SqliteType.Blob).Value = JsonMarshal.GetRawUtf8Value(item.Value).ToArray();
                        command.Parameters.Add("$updated", SqliteType.Text).Value = updated;
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await session.ExecuteAsync("COMMIT", cancellationToken);
            }
            catch
            {
                await session.ExecuteAsync("ROLLBACK", CancellationToken.None);
                throw;
            }
        }

        lock (_gate)
        {
            foreach (var (key, item) in batch)
            {
                // A key changed again since the snapshot stays pending for the next flush.
                if (_known.TryGetValue(key, out var current) && ReferenceEquals(current, item))
                {
                    _dirty.Remove(key);
                }
            }
        }
    }

    private void Wake()
    {
        if (_flusher is null)
        {
            lock (_gate)
            {
                _flusher ??= Task.Run(FlushLoopAsync);
            }
        }

        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it first.
            }
        }
    }

    private async Task FlushLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stopping);
                await Task.Delay(_writeBehind, _time, stopping);
                await FlushAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                LogFlushFailed(_logger, ex, PendingCount);
                try
                {
                    await Task.Delay(FlushRetryDelay, _time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Wake();
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Writing {Count} conversation/user state changes to SQLite failed; they are kept and retried")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "Writing {Count} conversation/user state changes to SQLite at shutdown failed; they are lost")]
    private static partial void LogFinalFlushFailed(ILogger logger, Exception exception, int count);
}

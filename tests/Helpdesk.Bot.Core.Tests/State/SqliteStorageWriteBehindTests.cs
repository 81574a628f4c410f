using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>
/// <see cref="SqliteStorage"/> in write-behind mode: the whole <see cref="IStorage"/> contract still holds, and the
/// changes reach the file within the interval, in one transaction, with the ETags the callers got.
/// </summary>
public sealed class SqliteStorageWriteBehindTests : StorageContractTests, IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly TemporarySqliteFile _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteStorage _storage;

    public SqliteStorageWriteBehindTests()
    {
        _storage = new SqliteStorage(_file.Open(), _time, Interval);
        Storage = _storage;
    }

    protected override IStorage Storage { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task WriteAsync_WriteBehind_ReachesTheFileAfterTheIntervalWithTheSameETag()
    {
        var etags = await WriteAsync("conv/1", """{"v":1}""", null);

        Assert.Equal(1, _storage.PendingCount);
        Assert.Null(await StoredETagAsync("conv/1"));

        await AdvanceUntilAsync(() => _storage.PendingCount == 0);

        Assert.Equal(etags["conv/1"], await StoredETagAsync("conv/1"));
    }

    [Fact]
    public async Task FlushAsync_WritesAndDeletes_TheFileHoldsExactlyTheNewestValues()
    {
        await WriteAsync("a", """{"v":1}""", null);
        var b = await WriteAsync("b", """{"v":2}""", null);
        await _storage.FlushAsync();
        var a = await WriteAsync("a", """{"v":3}""", (await Storage.ReadAsync(["a"], default))["a"].ETag);
        await Storage.DeleteAsync(["b"], default);
        await WriteAsync("c", """{"v":4}""", null);

        await _storage.FlushAsync();

        Assert.Equal(0, _storage.PendingCount);
        var reopened = new SqliteStorage(_file.Open(), _time);
        var items = await reopened.ReadAsync(["a", "b", "c"], default);
        Assert.Equal(3, items["a"].Value.GetProperty("v").GetInt32());
        Assert.Equal(a["a"], items["a"].ETag);
        Assert.False(items.ContainsKey("b"));
        Assert.NotNull(b["b"]);
        Assert.Equal(4, items["c"].Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task DisposeAsync_PendingChanges_WritesThemBeforeItEnds()
    {
        var etags = await WriteAsync("conv/2", """{"v":2}""", null);

        await _storage.DisposeAsync();

        var item = (await new SqliteStorage(_file.Open(), _time).ReadAsync(["conv/2"], default))["conv/2"];
        Assert.Equal(etags["conv/2"], item.ETag);
        Assert.Equal(2, item.Value.GetProperty("v").GetInt32());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => WriteAsync("conv/3", """{"v":3}""", null));
    }

    [Fact]
    public async Task WriteAsync_AfterARestart_ChecksETagsAgainstWhatTheFileHolds()
    {
        var first = await WriteAsync("conv/4", """{"v":1}""", null);
        var second = await WriteAsync("conv/4", """{"v":2}""", first["conv/4"]);
        await _storage.DisposeAsync();

        await using var restarted = new SqliteStorage(_file.Open(), _time, Interval);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            restarted.WriteAsync(new Dictionary<string, StoreItem> { ["conv/4"] = new(Json("""{"v":9}"""), first["conv/4"]) }, default));
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            restarted.WriteAsync(new Dictionary<string, StoreItem> { ["conv/4"] = new(Json("""{"v":9}"""), null) }, default));
        var third = await restarted.WriteAsync(new Dictionary<string, StoreItem> { ["conv/4"] = new(Json("""{"v":3}"""), second["conv/4"]) }, default);

        var item = (await restarted.ReadAsync(["conv/4"], default))["conv/4"];
        Assert.Equal(third["conv/4"], item.ETag);
        Assert.Equal(3, item.Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task FlushAsync_DatabaseFails_KeepsTheChangesAndWritesThemOnTheNextFlush()
    {
        var etags = await WriteAsync("conv/5", """{"v":5}""", null);
        await _storage.FlushAsync();
        var changed = await WriteAsync("conv/5", """{"v":6}""", etags["conv/5"]);
        await ExecuteAsync("ALTER TABLE bot_state RENAME TO bot_state_away");

        await Assert.ThrowsAsync<SqliteException>(() => _storage.FlushAsync());

        Assert.Equal(1, _storage.PendingCount);
        Assert.Equal(6, (await Storage.ReadAsync(["conv/5"], default))["conv/5"].Value.GetProperty("v").GetInt32());
        await ExecuteAsync("ALTER TABLE bot_state_away RENAME TO bot_state");
        await _storage.FlushAsync();
        Assert.Equal(0, _storage.PendingCount);
        Assert.Equal(changed["conv/5"], await StoredETagAsync("conv/5"));
    }

    [Fact]
    public async Task ReadAsync_MoreItemsThanTheCacheKeeps_ForgottenItemsComeBackWithTheirETags()
    {
        var count = SqliteStorage.MaxCachedItems + 10;
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (i == SqliteStorage.MaxCachedItems / 2)
            {
                await _storage.FlushAsync(); // the first half is written, so it may be forgotten
            }

            etags[$"k{i}"] = (await WriteAsync($"k{i}", $$"""{"v":{{i}}}""", null))[$"k{i}"];
        }

        await _storage.FlushAsync();

        var read = await Storage.ReadAsync([.. etags.Keys], default);
        Assert.Equal(count, read.Count);
        Assert.All(etags, pair => Assert.Equal(pair.Value, read[pair.Key].ETag));
        var next = await WriteAsync("k0", """{"v":-1}""", etags["k0"]);
        Assert.NotEqual(etags["k0"], next["k0"]);
    }

    private async Task<string?> StoredETagAsync(string key)
    {
        await using var connection = new SqliteConnection(_file.Open().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        try
        {
            return await command.ExecuteScalarAsync() as string;
        }
        catch (SqliteException) when (key.Length > 0)
        {
            return null; // no table yet: nothing was written
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.Open().ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Moves the fake clock on by the interval until <paramref name="condition"/> holds (the background writer
    /// may start its wait after any one step).</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "the background flush did not happen within 10 s");
            _time.Advance(Interval);
            await Task.Delay(10);
        }
    }
}

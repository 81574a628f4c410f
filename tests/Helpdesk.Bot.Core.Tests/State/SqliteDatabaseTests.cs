using System.Globalization;
using Helpdesk.Bot.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    [Fact]
    public async Task OpenAsync_PooledConnectionOpenedAgain_KeepsBusyTimeoutAndSynchronous()
    {
        var database = _file.Open();
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await database.OpenAsync(default);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(5000L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)); // NORMAL
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync() as string);
        }
    }

    [Fact]
    public async Task EnterSessionAsync_TransactionLeftOpen_RolledBackWhenTheSessionEnds()
    {
        var database = _file.Open();
        using (var session = await database.EnterSessionAsync(default))
        {
            await session.ExecuteAsync("CREATE TABLE t (v INTEGER)", default);
            await session.ExecuteAsync("BEGIN IMMEDIATE", default);
            await session.ExecuteAsync("INSERT INTO t VALUES (1)", default);
        }

        using var next = await database.EnterSessionAsync(default);
        Assert.Equal(0L, Convert.ToInt64(await next.Command("SELECT count(*) FROM t").ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        await next.ExecuteAsync("BEGIN IMMEDIATE", default); // no transaction is still open
        await next.ExecuteAsync("COMMIT", default);
    }

    [Fact]
    public async Task EnterSessionAsync_WhileAWriterHoldsTheTurn_WaitsUntilReleased()
    {
        var database = _file.Open();
        var writer = await database.EnterWriteAsync(default);

        var session = database.EnterSessionAsync(default);
        await Task.Delay(50);
        Assert.False(session.IsCompleted);

        writer.Dispose();
        using var held = await session.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(held.Command("SELECT 1"), held.Command("SELECT 1"));
    }

    [Fact]
    public async Task Command_AfterTheSessionEnded_Throws()
    {
        var database = _file.Open();
        var session = await database.EnterSessionAsync(default);
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Command("SELECT 1"));
    }

    [Fact]
    public async Task EnterWriteAsync_WhileAnotherWriterHoldsIt_WaitsUntilReleased()
    {
        var database = _file.Open();
        var first = await database.EnterWriteAsync(default);

        var second = database.EnterWriteAsync(default);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second dispose must not let a third writer in
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(database.EnterWriteAsync(default).IsCompleted);
    }

    [Fact]
    public async Task SqliteStorage_ManyConcurrentWriters_AllSavedWithoutBusyErrors()
    {
        var storage = new SqliteStorage(_file.Open(), new FakeTimeProvider());

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => storage.WriteAsync(
            new Dictionary<string, StoreItem> { [$"conv/{i}"] = new(System.Text.Json.JsonDocument.Parse($$"""{"n":{{i}}}""").RootElement.Clone(), null) },
            default))));

        var items = await storage.ReadAsync([.. Enumerable.Range(0, 64).Select(i => $"conv/{i}")], default);
        Assert.Equal(64, items.Count);
        Assert.All(Enumerable.Range(0, 64), i => Assert.Equal(i, items[$"conv/{i}"].Value.GetProperty("n").GetInt32()));
    }

    [Fact]
    public async Task InMemory_OnlyTheDatabaseKeptWhilePoolsAreCleared_DataSurvives()
    {
        var database = SqliteDatabase.InMemory($"helpdesk-test-{Guid.NewGuid():N}");
        await database.ExecuteAsync("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (42);", default);

        // What the garbage collector and the connection pool (reclaiming connections whose owners are gone, closing
        // idle ones) do to an in-memory database over time.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.True(await database.PingAsync(default));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        await using var connection = await database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM t";
        Assert.Equal(42L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        Assert.True(database.IsInMemory);
    }

    [Fact]
    public async Task InMemory_TwoNames_SeparateDatabases()
    {
        var first = SqliteDatabase.InMemory($"helpdesk-test-{Guid.NewGuid():N}");
        var second = SqliteDatabase.InMemory($"helpdesk-test-{Guid.NewGuid():N}");
        await first.ExecuteAsync("CREATE TABLE only_here (v INTEGER);", default);

        await using var connection = await second.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'only_here'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        Assert.False(_file.Open().IsInMemory);
    }

    public void Dispose() => _file.Dispose();
}

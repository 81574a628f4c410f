using Helpdesk.Bot.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly TemporarySqliteFile _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public SqliteStorageTests() => Storage = new SqliteStorage(_file.Open(), _time);

    protected override IStorage Storage { get; }

    [Fact]
    public async Task WriteAsync_ThenNewInstanceOnTheSameFile_ReadsTheSameItemAndETag()
    {
        var etags = await WriteAsync("conv/42", """{"v":42,"nested":{"list":[1,2]}}""", null);

        var reopened = new SqliteStorage(_file.Open(), _time);
        var item = (await reopened.ReadAsync(["conv/42"], default))["conv/42"];

        Assert.Equal(etags["conv/42"], item.ETag);
        Assert.Equal(42, item.Value.GetProperty("v").GetInt32());
        Assert.Equal(2, item.Value.GetProperty("nested").GetProperty("list").GetArrayLength());
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesOnTheSameFile_ShareETagChecks()
    {
        var other = new SqliteStorage(_file.Open(), _time);
        var etags = await WriteAsync("k", """{"v":1}""", null);
        await other.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(Json("""{"v":2}"""), etags["k"]) }, default);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync("k", """{"v":3}""", etags["k"]));

        await AssertStoredAsync("k", 2, null);
    }

    [Fact]
    public async Task WriteAsync_NonAsciiValue_StoredAsJsonTextAndReadBackUnchanged()
    {
        await WriteAsync("conv/é", """{"name":"Zoë","note":"mot de passe oublié 🔒"}""", null);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.Open().ConnectionString))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT typeof(value), value FROM bot_state WHERE key = 'conv/é'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("text", reader.GetString(0));
            Assert.Equal("""{"name":"Zoë","note":"mot de passe oublié 🔒"}""", reader.GetString(1));
        }

        var item = (await new SqliteStorage(_file.Open(), _time).ReadAsync(["conv/é"], default))["conv/é"];
        Assert.Equal("Zoë", item.Value.GetProperty("name").GetString());
        Assert.Equal("mot de passe oublié 🔒", item.Value.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ReadAsync_UnchangedItemReadAgain_ReturnsTheKeptValueWithoutReadingItAgain()
    {
        await WriteAsync("k", """{"v":1}""", null);

        var first = (await Storage.ReadAsync(["k"], default))["k"];
        var second = (await Storage.ReadAsync(["k"], default))["k"];

        Assert.Same(first, second);
        Assert.Equal(1, second.Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task ReadAsync_ItemChangedByAnotherInstance_ReadsTheNewValueAndETag()
    {
        var etags = await WriteAsync("k", """{"v":1}""", null);
        _ = await Storage.ReadAsync(["k"], default);
        var other = new SqliteStorage(_file.Open(), _time);
        var newer = await other.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(Json("""{"v":2}"""), etags["k"]) }, default);

        var item = (await Storage.ReadAsync(["k"], default))["k"];

        Assert.Equal(2, item.Value.GetProperty("v").GetInt32());
        Assert.Equal(newer["k"], item.ETag);
    }

    [Fact]
    public async Task ReadAsync_ItemChangedOrDeletedOutsideTheStorage_SeesTheDatabase()
    {
        await WriteAsync("changed", """{"v":1}""", null);
        await WriteAsync("deleted", """{"v":1}""", null);
        _ = await Storage.ReadAsync(["changed", "deleted"], default);

        // As another process would: plain SQL on a connection of its own.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_file.Open().ConnectionString))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE bot_state SET value = '{"v":7}', etag = 'outside' WHERE key = 'changed';
                DELETE FROM bot_state WHERE key = 'deleted';
                """;
            await command.ExecuteNonQueryAsync();
        }

        var items = await Storage.ReadAsync(["changed", "deleted"], default);

        Assert.Equal(7, items["changed"].Value.GetProperty("v").GetInt32());
        Assert.Equal("outside", items["changed"].ETag);
        Assert.False(items.ContainsKey("deleted"));
    }

    [Fact]
    public async Task WriteAsync_ValueFromADisposedDocument_ReadBackIntact()
    {
        using (var document = System.Text.Json.JsonDocument.Parse("""{"v":5,"s":"text"}"""))
        {
            await Storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(document.RootElement, null) }, default);
        }

        var item = (await Storage.ReadAsync(["k"], default))["k"];

        Assert.Equal(5, item.Value.GetProperty("v").GetInt32());
        Assert.Equal("text", item.Value.GetProperty("s").GetString());
    }

    [Fact]
    public async Task WriteAsync_LostRace_NextReadReturnsTheWinner()
    {
        var etags = await WriteAsync("k", """{"v":1}""", null);
        var other = new SqliteStorage(_file.Open(), _time);
        await other.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(Json("""{"v":2}"""), etags["k"]) }, default);

        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync("k", """{"v":3}""", etags["k"]));

        Assert.Contains(etags["k"], conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Storage.ReadAsync(["k"], default))["k"].Value.GetProperty("v").GetInt32());
    }

    public void Dispose() => _file.Dispose();
}

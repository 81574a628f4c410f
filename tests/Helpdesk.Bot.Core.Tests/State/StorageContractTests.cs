using System.Text.Json;
using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>
/// The <see cref="IStorage"/> contract, run against every implementation: ETag rules (null = create-only,
/// "*" = overwrite, else must match), atomic multi-key writes, and no lost update under concurrency.
/// </summary>
public abstract class StorageContractTests
{
    private const int Writers = 20;

    protected abstract IStorage Storage { get; }

    protected static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task ReadAsync_MissingKeys_ReturnsOnlyTheItemsThatExist()
    {
        var etags = await WriteAsync("present", """{"v":1}""", null);

        var read = await Storage.ReadAsync(["missing-1", "present", "missing-2"], default);

        var item = Assert.Single(read);
        Assert.Equal("present", item.Key);
        Assert.Equal(etags["present"], item.Value.ETag);
        Assert.Equal(1, item.Value.Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task ReadAsync_NoKeys_ReturnsEmpty()
    {
        Assert.Empty(await Storage.ReadAsync([], default));
    }

    [Fact]
    public async Task WriteAsync_NullETagNewKey_CreatesItemWithAnETag()
    {
        var etags = await WriteAsync("k", """{"v":1}""", null);

        Assert.False(string.IsNullOrEmpty(etags["k"]));
        Assert.Equal(etags["k"], (await Storage.ReadAsync(["k"], default))["k"].ETag);
    }

    [Fact]
    public async Task WriteAsync_NullETagExistingKey_ThrowsCreateOnlyConflictAndKeepsTheItem()
    {
        var etags = await WriteAsync("k", """{"v":1}""", null);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync("k", """{"v":2}""", null));

        Assert.Equal("k", error.Key);
        Assert.Contains("'k'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(new item)", error.Message, StringComparison.Ordinal);
        Assert.Contains(etags["k"], error.Message, StringComparison.Ordinal);
        await AssertStoredAsync("k", 1, etags["k"]);
    }

    [Fact]
    public async Task WriteAsync_StarETag_OverwritesExistingAndCreatesMissing()
    {
        var first = await WriteAsync("existing", """{"v":1}""", null);

        var second = await Storage.WriteAsync(
            new Dictionary<string, StoreItem>
            {
                ["existing"] = new(Json("""{"v":2}"""), StoreItem.AnyETag),
                ["new"] = new(Json("""{"v":3}"""), StoreItem.AnyETag),
            },
            default);

        Assert.NotEqual(first["existing"], second["existing"]);
        await AssertStoredAsync("existing", 2, second["existing"]);
        await AssertStoredAsync("new", 3, second["new"]);
    }

    [Fact]
    public async Task WriteAsync_MatchingETag_UpdatesAndIssuesANewETag()
    {
        var first = await WriteAsync("k", """{"v":1}""", null);

        var second = await WriteAsync("k", """{"v":2}""", first["k"]);

        Assert.NotEqual(first["k"], second["k"]);
        await AssertStoredAsync("k", 2, second["k"]);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsWithAClearMessageAndChangesNothing()
    {
        var first = await WriteAsync("conv/1", """{"v":1}""", null);
        var second = await WriteAsync("conv/1", """{"v":2}""", first["conv/1"]);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync("conv/1", """{"v":3}""", first["conv/1"]));

        Assert.Equal("conv/1", error.Key);
        Assert.Equal(
            $"State item 'conv/1' was changed by another writer: expected ETag '{first["conv/1"]}', found '{second["conv/1"]}'. Reload it and retry.",
            error.Message);
        await AssertStoredAsync("conv/1", 2, second["conv/1"]);
    }

    [Fact]
    public async Task WriteAsync_ETagOfADeletedItem_Throws()
    {
        var first = await WriteAsync("k", """{"v":1}""", null);
        await Storage.DeleteAsync(["k"], default);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync("k", """{"v":2}""", first["k"]));

        Assert.Contains("(no item)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Storage.ReadAsync(["k"], default));
    }

    [Fact]
    public async Task WriteAsync_SeveralKeysOneStale_WritesNoneOfThem()
    {
        var a = await WriteAsync("a", """{"v":1}""", null);
        var b = await WriteAsync("b", """{"v":1}""", null);
        await WriteAsync("b", """{"v":2}""", b["b"]);
        var bNow = (await Storage.ReadAsync(["b"], default))["b"].ETag;

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(
            new Dictionary<string, StoreItem>
            {
                ["a"] = new(Json("""{"v":10}"""), a["a"]),
                ["c"] = new(Json("""{"v":10}"""), null),
                ["b"] = new(Json("""{"v":10}"""), b["b"]),
                ["d"] = new(Json("""{"v":10}"""), StoreItem.AnyETag),
            },
            default));

        await AssertStoredAsync("a", 1, a["a"]);
        await AssertStoredAsync("b", 2, bNow);
        Assert.Empty(await Storage.ReadAsync(["c", "d"], default));
    }

    [Fact]
    public async Task WriteAsync_NoChanges_ReturnsEmpty()
    {
        Assert.Empty(await Storage.WriteAsync(new Dictionary<string, StoreItem>(), default));
    }

    [Fact]
    public async Task WriteAsync_NestedValue_IsReadBackUnchanged()
    {
        const string value = """{"title":"Drucker druckt nicht – Büro 3","tags":["printer","é"],"steps":[{"n":1,"done":true},{"n":2,"done":false,"note":null}],"cost":3.50,"big":12345678901234567890}""";
        await WriteAsync("k", value, null);

        var read = (await Storage.ReadAsync(["k"], default))["k"].Value;

        Assert.Equal(JsonSerializer.Serialize(Json(value)), JsonSerializer.Serialize(read));
        Assert.Equal("3.50", read.GetProperty("cost").GetRawText());
    }

    [Fact]
    public async Task WriteAsync_KeysDifferingOnlyInCase_AreSeparateItems()
    {
        await WriteAsync("Key", """{"v":1}""", null);

        await WriteAsync("key", """{"v":2}""", null);

        await AssertStoredAsync("Key", 1, null);
        await AssertStoredAsync("key", 2, null);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissingKeys_RemovesExistingAndAllowsCreateAgain()
    {
        await WriteAsync("a", """{"v":1}""", null);
        await WriteAsync("b", """{"v":1}""", null);

        await Storage.DeleteAsync(["a", "never-there"], default);

        Assert.Equal(["b"], (await Storage.ReadAsync(["a", "b"], default)).Keys);
        await WriteAsync("a", """{"v":5}""", null);
        await AssertStoredAsync("a", 5, null);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersFromTheSameRead_ExactlyOneWins()
    {
        await WriteAsync("shared", """{"v":0}""", null);
        var etag = (await Storage.ReadAsync(["shared"], default))["shared"].ETag;

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await WriteAsync("shared", $$"""{"v":{{i}}}""", etag);
                return i;
            }
            catch (StorageConcurrencyException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(outcomes, o => o > 0);
        Assert.Equal(Writers - 1, outcomes.Count(o => o == -1));
        await AssertStoredAsync("shared", winner, null);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentCreators_ExactlyOneWins()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await WriteAsync("created", $$"""{"v":{{i}}}""", null);
                return i;
            }
            catch (StorageConcurrencyException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(outcomes, o => o > 0);
        await AssertStoredAsync("created", winner, null);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentReadModifyWriteWithRetry_LosesNoUpdate()
    {
        await WriteAsync("counter", """{"v":0}""", null);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var item = (await Storage.ReadAsync(["counter"], default))["counter"];
                try
                {
                    await WriteAsync("counter", $$"""{"v":{{item.Value.GetProperty("v").GetInt32() + 1}}}""", item.ETag);
                    return;
                }
                catch (StorageConcurrencyException)
                {
                    // Lost the race: reload and retry, as BotState callers do.
                }
            }
        })));

        await AssertStoredAsync("counter", Writers, null);
    }

    protected Task<IReadOnlyDictionary<string, string>> WriteAsync(string key, string json, string? etag) =>
        Storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(Json(json), etag) }, default);

    protected async Task AssertStoredAsync(string key, int expectedV, string? expectedETag)
    {
        var item = (await Storage.ReadAsync([key], default))[key];
        Assert.Equal(expectedV, item.Value.GetProperty("v").GetInt32());
        if (expectedETag is not null)
        {
            Assert.Equal(expectedETag, item.ETag);
        }
    }
}

using System.Text.Json;
using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class MemoryStorageTests
{
    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsWinner()
    {
        var storage = new MemoryStorage();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(JsonSerializer.SerializeToElement(new { v = 1 })) }, default);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(JsonSerializer.SerializeToElement(new { v = 2 }), first["k"]) }, default);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(JsonSerializer.SerializeToElement(new { v = 3 }), first["k"]) }, default));

        var read = await storage.ReadAsync(["k"], default);
        Assert.Equal(2, read["k"].Value.GetProperty("v").GetInt32());
    }
}

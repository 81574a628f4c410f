using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.Core.Tests.State;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();

    [Fact]
    public async Task WriteAsync_CallerDisposesItsDocument_StoredValueStaysReadable()
    {
        var storage = new MemoryStorage();
        using (var document = System.Text.Json.JsonDocument.Parse("""{"v":7}"""))
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(document.RootElement, null) }, default);
        }

        Assert.Equal(7, (await storage.ReadAsync(["k"], default))["k"].Value.GetProperty("v").GetInt32());
    }
}

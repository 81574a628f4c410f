using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineConversationStoreTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly string _dataDirectory = DirectLineTestHost.NewDataDirectory();

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    public void Dispose() => DirectLineTestHost.DeleteDataDirectory(_dataDirectory);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CreateAsync_Twice_CreatesOnceAndKeepsUser(string kind)
    {
        var store = Create(kind);

        Assert.True(await store.CreateAsync("c1", new ChannelAccount("u1", "Ann"), default));
        Assert.False(await store.CreateAsync("c1", new ChannelAccount("u2"), default));

        var record = await store.GetAsync("c1", default);
        Assert.Equal(("u1", "Ann", 0L), (record!.UserId, record.UserName, record.LastSequence));
        Assert.Equal(_time.GetUtcNow(), record.CreatedAt);
        Assert.Null(await store.GetAsync("c2", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AppendAsync_AssignsConsecutiveSequencesAndIds(string kind)
    {
        var store = Create(kind);
        await store.CreateAsync("c1", null, default);

        var first = new Activity { Type = ActivityTypes.Message, Text = "a" };
        var stored1 = await store.AppendAsync("c1", first, default);
        var stored2 = await store.AppendAsync("c1", new Activity { Type = ActivityTypes.Message, Text = "b" }, default);

        Assert.Equal((1L, "c1|0000001"), (stored1.Sequence, stored1.Id));
        Assert.Equal((2L, "c1|0000002"), (stored2.Sequence, stored2.Id));
        Assert.Equal("c1|0000001", first.Id);
        Assert.Equal("a", ActivitySerializer.Deserialize(stored1.Json).Text);
        Assert.Equal("c1|0000001", ActivitySerializer.Deserialize(stored1.Json).Id);
        Assert.Equal(2, (await store.GetAsync("c1", default))!.LastSequence);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AppendAsync_UnknownConversation_ThrowsKeyNotFound(string kind)
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Create(kind).AppendAsync("nope", new Activity { Type = "message" }, default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReadAsync_AfterSequenceWithLimit_ReturnsThatPageInOrder(string kind)
    {
        var store = Create(kind);
        await store.CreateAsync("c1", null, default);
        await store.CreateAsync("c2", null, default);
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("c1", new Activity { Type = ActivityTypes.Message, Text = $"{i}" }, default);
            await store.AppendAsync("c2", new Activity { Type = ActivityTypes.Message, Text = "other" }, default);
        }

        var page = await store.ReadAsync("c1", 2, 2, default);
        var tail = await store.ReadAsync("c1", 4, 10, default);
        var none = await store.ReadAsync("c1", 5, 10, default);

        Assert.Equal([3L, 4L], page.Select(a => a.Sequence));
        Assert.Equal(["3", "4"], page.Select(a => ActivitySerializer.Deserialize(a.Json).Text));
        Assert.Equal([5L], tail.Select(a => a.Sequence));
        Assert.Empty(none);
        Assert.Empty(await store.ReadAsync("unknown", 0, 10, default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SetUserIfMissingAsync_OnlyTheFirstUserIsRecorded(string kind)
    {
        var store = Create(kind);
        await store.CreateAsync("c1", null, default);

        Assert.True(await store.SetUserIfMissingAsync("c1", new ChannelAccount("u1", "Ann"), default));
        Assert.False(await store.SetUserIfMissingAsync("c1", new ChannelAccount("u2", "Bob"), default));
        Assert.False(await store.SetUserIfMissingAsync("nope", new ChannelAccount("u3"), default));

        Assert.Equal("u1", (await store.GetAsync("c1", default))!.UserId);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task DeleteIdleAsync_RemovesOnlyConversationsIdleSinceCutoff(string kind)
    {
        var store = Create(kind);
        await store.CreateAsync("old", null, default);
        await store.AppendAsync("old", new Activity { Type = "message" }, default);
        _time.Advance(TimeSpan.FromDays(10));
        await store.CreateAsync("fresh", null, default);

        var deleted = await store.DeleteIdleAsync(_time.GetUtcNow() - TimeSpan.FromDays(5), default);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetAsync("old", default));
        Assert.Empty(await store.ReadAsync("old", 0, 10, default));
        Assert.NotNull(await store.GetAsync("fresh", default));
    }

    [Fact]
    public async Task SqliteStore_NewInstanceOnSameFile_SeesEverything()
    {
        var path = Path.Combine(_dataDirectory, "restart.db");
        var first = new SqliteDirectLineConversationStore(SqliteDatabase.ForFile(path), _time);
        await first.CreateAsync("c1", new ChannelAccount("u1"), default);
        await first.AppendAsync("c1", new Activity { Type = "message", Text = "kept" }, default);

        var second = new SqliteDirectLineConversationStore(SqliteDatabase.ForFile(path), _time);
        var stored = Assert.Single(await second.ReadAsync("c1", 0, 10, default));
        var next = await second.AppendAsync("c1", new Activity { Type = "message" }, default);

        Assert.Equal("kept", ActivitySerializer.Deserialize(stored.Json).Text);
        Assert.Equal(2, next.Sequence);
    }

    [Fact]
    public async Task SqliteStore_ConcurrentAppends_GetDistinctGaplessSequences()
    {
        var store = Create("sqlite");
        await store.CreateAsync("c1", null, default);

        var stored = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => store.AppendAsync("c1", new Activity { Type = "message" }, default)));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), stored.Select(s => s.Sequence).Order());
    }

    private IDirectLineConversationStore Create(string kind) => kind == "memory"
        ? new MemoryDirectLineConversationStore(_time)
        : new SqliteDirectLineConversationStore(SqliteDatabase.ForFile(Path.Combine(_dataDirectory, $"{Guid.NewGuid():N}.db")), _time);
}

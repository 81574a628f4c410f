using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>Transcripts queued off the turn and stored in batches, over a real SQLite store.</summary>
public sealed class QueuedTranscriptStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = HandoffTestHost.NewDataDirectory();

    [Fact]
    public async Task AppendAsync_ManyThenRead_ReaderSeesEveryEntryInOrder()
    {
        var store = await CreateStoreAsync();
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance);

        var count = QueuedTranscriptStore.MaxBatch * 2 + 17;
        for (var i = 0; i < count; i++)
        {
            await queue.AppendAsync("webchat/c1", Now.AddMilliseconds(i), i % 2 == 0, Json(i), CancellationToken.None);
        }

        var transcript = await queue.ReadAsync("webchat/c1", 10_000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, count).Select(Json), transcript.Select(e => e.ActivityJson));
    }

    [Fact]
    public async Task AppendAsync_FromConcurrentTurns_NothingLost()
    {
        var store = await CreateStoreAsync();
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await queue.AppendAsync($"webchat/c{c}", Now, true, Json(i), CancellationToken.None);
            }
        })));

        foreach (var c in Enumerable.Range(0, 16))
        {
            var transcript = await queue.ReadAsync($"webchat/c{c}", 1000, CancellationToken.None);
            Assert.Equal(Enumerable.Range(0, 100).Select(Json), transcript.Select(e => e.ActivityJson));
        }
    }

    [Fact]
    public async Task StopAsync_WithQueuedEntries_StoresThemAndLaterAppendsAreWrittenDirectly()
    {
        var store = await CreateStoreAsync();
        var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance);
        for (var i = 0; i < 500; i++)
        {
            await queue.AppendAsync("webchat/c1", Now, false, Json(i), CancellationToken.None);
        }

        await queue.StopAsync(CancellationToken.None);
        Assert.Equal(500, (await store.ReadAsync("webchat/c1", 1000, CancellationToken.None)).Count);

        await queue.AppendAsync("webchat/c1", Now, true, Json(500), CancellationToken.None);
        Assert.Equal(Json(500), (await store.ReadAsync("webchat/c1", 1, CancellationToken.None))[0].ActivityJson);
        Assert.Equal(501, (await queue.ReadAsync("webchat/c1", 1000, CancellationToken.None)).Count);
        await queue.DisposeAsync();
    }

    [Fact]
    public async Task DeleteBeforeAsync_QueuedOldEntries_DeletedToo()
    {
        var store = await CreateStoreAsync();
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance);
        await queue.AppendAsync("webchat/c1", Now.AddDays(-40), true, Json(1), CancellationToken.None);
        await queue.AppendAsync("webchat/c1", Now, true, Json(2), CancellationToken.None);

        Assert.Equal(1, await queue.DeleteBeforeAsync(Now.AddDays(-30), CancellationToken.None));
        Assert.Equal(Json(2), Assert.Single(await queue.ReadAsync("webchat/c1", 10, CancellationToken.None)).ActivityJson);
    }

    [Fact]
    public async Task AppendAsync_StoreFailsTwice_RetriedAndStored()
    {
        var store = new FlakyStore(await CreateStoreAsync(), failures: 2);
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance);

        await queue.AppendAsync("webchat/c1", Now, true, Json(7), CancellationToken.None);

        Assert.Equal(Json(7), Assert.Single(await queue.ReadAsync("webchat/c1", 10, CancellationToken.None)).ActivityJson);
        Assert.Equal(3, store.Attempts);
    }

    [Fact]
    public async Task AppendAsync_WithBatchWindow_StoredTogetherOnceTheWindowPasses()
    {
        var store = new CountingStore(await CreateStoreAsync());
        var time = new FakeTimeProvider(Now);
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance, time, TimeSpan.FromMilliseconds(20));

        for (var i = 0; i < 5; i++)
        {
            await queue.AppendAsync("webchat/c1", Now, true, Json(i), CancellationToken.None);
        }

        await Task.Delay(100);
        Assert.Empty(await store.ReadAsync("webchat/c1", 10, CancellationToken.None));

        await AdvanceUntilAsync(time, () => store.Batches.Count > 0);
        Assert.Equal([5], store.Batches);
        Assert.Equal(Enumerable.Range(0, 5).Select(Json), (await store.ReadAsync("webchat/c1", 10, CancellationToken.None)).Select(e => e.ActivityJson));
    }

    [Fact]
    public async Task ReadAsync_DuringBatchWindow_DoesNotWaitForTheWindow()
    {
        var store = await CreateStoreAsync();
        var time = new FakeTimeProvider(Now);
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance, time, TimeSpan.FromSeconds(30));
        await queue.AppendAsync("webchat/c1", Now, true, Json(1), CancellationToken.None);

        // The fake clock never moves: only the read itself can end the window.
        var transcript = await queue.ReadAsync("webchat/c1", 10, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Json(1), Assert.Single(transcript).ActivityJson);
    }

    [Fact]
    public async Task ReadAsync_MoreThanOneBatchQueuedDuringWindow_DoesNotWaitForTheWindow()
    {
        var store = await CreateStoreAsync();
        var time = new FakeTimeProvider(Now);
        await using var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance, time, TimeSpan.FromSeconds(30));
        var count = QueuedTranscriptStore.MaxBatch * 3 + 5;
        for (var i = 0; i < count; i++)
        {
            await queue.AppendAsync("webchat/c1", Now, true, Json(i), CancellationToken.None);
        }

        // The read's marker comes after three full batches: every round before it must skip the window too.
        var transcript = await queue.ReadAsync("webchat/c1", 10_000, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(count, transcript.Count);
    }

    [Fact]
    public async Task StopAsync_DuringBatchWindow_StoresWhatIsQueued()
    {
        var store = await CreateStoreAsync();
        var queue = new QueuedTranscriptStore(store, NullLogger<QueuedTranscriptStore>.Instance, new FakeTimeProvider(Now), TimeSpan.FromSeconds(30));
        await queue.AppendAsync("webchat/c1", Now, true, Json(1), CancellationToken.None);

        await queue.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Json(1), Assert.Single(await store.ReadAsync("webchat/c1", 10, CancellationToken.None)).ActivityJson);
        await queue.DisposeAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        HandoffTestHost.DeleteDataDirectory(_directory);
    }

    private static string Json(int i) => $$"""{"type":"message","text":"m{{i}}"}""";

    private async Task<SqlHandoffStore> CreateStoreAsync()
    {
        var store = new SqlHandoffStore(new SqliteHandoffDialect(SqliteDatabase.ForFile(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"))));
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Moves the fake clock in small steps until <paramref name="done"/> (the writer's timer runs on the pool).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(10);
        }

        Assert.True(done(), "the condition was not met while the clock advanced");
    }

    /// <summary>A real store that records the size of each batch it is given.</summary>
    private sealed class CountingStore(ITranscriptBatchStore inner) : ITranscriptBatchStore
    {
        private readonly List<int> _batches = [];

        public IReadOnlyList<int> Batches
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        public Task AppendManyAsync(IReadOnlyList<TranscriptRecord> records, CancellationToken cancellationToken)
        {
            lock (_batches)
            {
                _batches.Add(records.Count);
            }

            return inner.AppendManyAsync(records, cancellationToken);
        }

        public Task AppendAsync(string conversationKey, DateTimeOffset at, bool inbound, string activityJson, CancellationToken cancellationToken) =>
            inner.AppendAsync(conversationKey, at, inbound, activityJson, cancellationToken);

        public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteBeforeAsync(cutoff, cancellationToken);

        public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(conversationKey, limit, cancellationToken);
    }

    /// <summary>A real store whose first <c>failures</c> batch writes fail, as a briefly locked or unreachable database would.</summary>
    private sealed class FlakyStore(ITranscriptBatchStore inner, int failures) : ITranscriptBatchStore
    {
        public int Attempts { get; private set; }

        public Task AppendManyAsync(IReadOnlyList<TranscriptRecord> records, CancellationToken cancellationToken) =>
            ++Attempts <= failures ? throw new SqliteException("database is locked", 5) : inner.AppendManyAsync(records, cancellationToken);

        public Task AppendAsync(string conversationKey, DateTimeOffset at, bool inbound, string activityJson, CancellationToken cancellationToken) =>
            inner.AppendAsync(conversationKey, at, inbound, activityJson, cancellationToken);

        public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteBeforeAsync(cutoff, cancellationToken);

        public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(conversationKey, limit, cancellationToken);
    }
}

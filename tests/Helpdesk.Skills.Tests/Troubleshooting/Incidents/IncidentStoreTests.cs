using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Skills.Tests.Troubleshooting.Incidents;

public sealed class IncidentStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Stores() => ["sqlite", "memory"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CreateUpdateList_RoundTrips(string kind)
    {
        var store = Create(kind);
        var incident = new Incident("INC1", "vpn", "VPN down", IncidentStatus.Investigating, T0, T0.AddHours(2), "Use the hotspot", IncidentSource.Api);

        Assert.True(await store.TryCreateAsync(incident, default));
        Assert.False(await store.TryCreateAsync(incident with { Title = "again" }, default));
        Assert.Equal(incident, await store.GetAsync("inc1", default));

        var resolved = incident with { Status = IncidentStatus.Resolved, Updated = T0.AddHours(1), Eta = null, Details = null };
        Assert.True(await store.UpdateAsync(resolved, default));
        Assert.False(await store.UpdateAsync(resolved with { Id = "NOPE" }, default));
        Assert.Empty(await store.ListAsync(includeResolved: false, default));
        Assert.Equal(resolved, Assert.Single(await store.ListAsync(includeResolved: true, default)));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Reports_CountedPerReporter(string kind)
    {
        var store = Create(kind);
        await store.RecordReportAsync("INC1", "test:a", T0, default);
        await store.RecordReportAsync("inc1", "test:a", T0.AddMinutes(1), default);
        var stats = await store.RecordReportAsync("INC1", "test:b", T0.AddMinutes(2), default);

        Assert.Equal(new IncidentStats(2, 3, 0), stats);
        Assert.Equal(IncidentStats.None, await store.GetStatsAsync("INC2", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Subscribe_Twice_KeepsOneWithTheLatestConversation(string kind)
    {
        var store = Create(kind);
        await store.SubscribeAsync(new IncidentSubscription("INC1", "msteams:29:a", Reference("c1"), T0), default);
        await store.SubscribeAsync(new IncidentSubscription("INC1", "msteams:29:a", Reference("c2"), T0.AddMinutes(5)), default);
        await store.SubscribeAsync(new IncidentSubscription("INC1", "webchat:b", Reference("c3"), T0.AddMinutes(1)), default);

        var subscriptions = await store.SubscriptionsAsync("INC1", default);
        Assert.Equal(["webchat:b", "msteams:29:a"], subscriptions.Select(s => s.Reporter));
        Assert.Equal("c2", subscriptions[1].Conversation.Conversation!.Id);
        Assert.Equal("https://smba.example/", subscriptions[1].Conversation.ServiceUrl);
        Assert.Equal(2, (await store.GetStatsAsync("INC1", default)).Subscribers);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TryMarkNotified_OnlyFromTheExpectedVersion_OnceAndClosingEndsUpdates(string kind)
    {
        var store = Create(kind);
        await store.SubscribeAsync(new IncidentSubscription("INC1", "msteams:29:a", Reference("c1"), T0) { NotifiedVersion = "v1", UtcOffset = TimeSpan.FromHours(2) }, default);

        Assert.True(await store.TryMarkNotifiedAsync("INC1", "msteams:29:a", "v1", "v2", closed: false, default));
        Assert.False(await store.TryMarkNotifiedAsync("INC1", "msteams:29:a", "v1", "v2", closed: false, default)); // a second dispatcher lost the race
        var open = Assert.Single(await store.OpenSubscriptionsAsync(default));
        Assert.Equal(("v2", TimeSpan.FromHours(2)), (open.NotifiedVersion, open.UtcOffset));

        Assert.True(await store.TryMarkNotifiedAsync("INC1", "msteams:29:a", "v2", "v3", closed: true, default));
        Assert.Empty(await store.OpenSubscriptionsAsync(default));
        Assert.False(await store.TryMarkNotifiedAsync("INC1", "msteams:29:a", "v3", "v4", closed: false, default));

        // Asking again opens it again.
        await store.SubscribeAsync(new IncidentSubscription("INC1", "msteams:29:a", Reference("c1"), T0.AddHours(1)) { NotifiedVersion = "v3" }, default);
        Assert.False(Assert.Single(await store.OpenSubscriptionsAsync(default)).Closed);
    }

    [Fact]
    public async Task Sqlite_DatabaseFromBeforeNotifications_ColumnsAddedAndOldSubscriptionsKept()
    {
        var path = _temp.Sub("old.db");
        var database = SqliteDatabase.ForFile(path);
        await database.ExecuteAsync(
            """
            CREATE TABLE incident_subscriptions (incident_id TEXT NOT NULL, reporter TEXT NOT NULL, conversation TEXT NOT NULL, subscribed_at TEXT NOT NULL, PRIMARY KEY (incident_id, reporter));
            INSERT INTO incident_subscriptions VALUES ('INC9', 'webchat:b', '{"channelId":"webchat","conversation":{"id":"c9"}}', '2026-12-01T09:00:00.0000000+00:00');
            """,
            CancellationToken.None);

        var store = new SqliteIncidentStore(SqliteDatabase.ForFile(path));

        var old = Assert.Single(await store.OpenSubscriptionsAsync(default));
        Assert.Equal(("INC9", null, false), (old.IncidentId, old.NotifiedVersion, old.Closed));
        Assert.True(await store.TryMarkNotifiedAsync("INC9", "webchat:b", null, "v1", closed: false, default));
    }

    [Fact]
    public async Task Sqlite_SurvivesANewStoreInstance()
    {
        var path = _temp.Sub("restart.db");
        var first = new SqliteIncidentStore(SqliteDatabase.ForFile(path));
        await first.TryCreateAsync(new Incident("INC7", "email", "Mail delays", IncidentStatus.Monitoring, T0, null, null, IncidentSource.Api), default);
        await first.RecordReportAsync("INC7", "test:a", T0, default);

        var second = new SqliteIncidentStore(SqliteDatabase.ForFile(path));
        Assert.Equal("Mail delays", (await second.GetAsync("INC7", default))!.Title);
        Assert.Equal(1, (await second.GetStatsAsync("INC7", default)).Reports);
    }

    private static ConversationReference Reference(string conversation) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example/",
        Conversation = new ConversationAccount(conversation),
        User = new ChannelAccount("29:a", "Ada"),
        Bot = new ChannelAccount("28:bot", "Helpdesk"),
    };

    private IIncidentStore Create(string kind) => kind == "sqlite"
        ? new SqliteIncidentStore(SqliteDatabase.ForFile(_temp.Sub($"{Guid.NewGuid():N}.db")))
        : new MemoryIncidentStore();
}

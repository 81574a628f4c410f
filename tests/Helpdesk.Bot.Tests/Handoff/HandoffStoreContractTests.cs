using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// What every handoff store (SQLite, PostgreSQL) must do; each database runs the same tests. (Skippable: the
/// PostgreSQL subclass skips when PostgreSQL is not installed locally; under CI=true it always runs.)
/// </summary>
public abstract class HandoffStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store on an empty database.</summary>
    internal abstract Task<SqlHandoffStore> CreateStoreAsync();

    [SkippableFact]
    public async Task CreateAsync_SecondOpenCaseForConversation_ReturnsTheExistingOne()
    {
        var store = await CreateStoreAsync();

        var (first, created) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        var (second, createdAgain) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        var (other, createdOther) = await store.CreateAsync(NewCase("webchat/c2"), CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.True(createdOther);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, (await store.ListOpenAsync(CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task TryClaimAsync_ManyAgentsAtOnce_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var (handoff, _) = await store.CreateAsync(NewCase("webchat/race"), CancellationToken.None);
        using var start = new ManualResetEventSlim(false);

        var claims = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Agent: $"agent{i}", Won: await store.TryClaimAsync(handoff.Id, $"agent{i}", $"Agent {i}", Now, CancellationToken.None));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Won);
        var stored = await store.GetAsync(handoff.Id, CancellationToken.None);
        Assert.Equal(HandoffStatus.Active, stored!.Status);
        Assert.Equal(winner.Agent, stored.AgentId);
    }

    [SkippableFact]
    public async Task TryTransitionAsync_ResolveThenCsat_ClosedWithScoreOnce()
    {
        var store = await CreateStoreAsync();
        var (handoff, _) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        Assert.False(await store.TryTransitionAsync(handoff.Id, [HandoffStatus.Active], HandoffStatus.Resolved, "x", Now, CancellationToken.None));
        Assert.True(await store.TryClaimAsync(handoff.Id, "agent", "Sam", Now, CancellationToken.None));

        Assert.True(await store.TryTransitionAsync(handoff.Id, [HandoffStatus.Active], HandoffStatus.Resolved, "Fixed it", Now.AddMinutes(5), CancellationToken.None));
        var current = await store.FindCurrentAsync("webchat/c1", CancellationToken.None);
        Assert.True(current!.CsatPending);
        Assert.True(await store.TryRecordCsatAsync(handoff.Id, 4, Now.AddMinutes(6), CancellationToken.None));
        Assert.False(await store.TryRecordCsatAsync(handoff.Id, 1, Now.AddMinutes(7), CancellationToken.None));

        var closed = await store.GetAsync(handoff.Id, CancellationToken.None);
        Assert.Equal(HandoffStatus.Resolved, closed!.Status);
        Assert.Equal(4, closed.Csat);
        Assert.Equal("Fixed it", closed.ResolutionNote);
        Assert.Equal(Now.AddMinutes(5), closed.ClosedAt);
        Assert.Null(await store.FindCurrentAsync("webchat/c1", CancellationToken.None));
        Assert.Empty(await store.ListOpenAsync(CancellationToken.None));
        Assert.Single(await store.ListClosedAsync(10, CancellationToken.None));

        // A closed conversation may escalate again.
        var (again, created) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        Assert.True(created);
        Assert.NotEqual(handoff.Id, again.Id);
    }

    [SkippableFact]
    public async Task TryTransferAsync_OnlyTheOwnerOrAnyoneWhenUnchecked()
    {
        var store = await CreateStoreAsync();
        var (handoff, _) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        await store.TryClaimAsync(handoff.Id, "agent", "Sam", Now, CancellationToken.None);

        Assert.False(await store.TryTransferAsync(handoff.Id, "someone-else", "b", "B", Now, CancellationToken.None));
        Assert.True(await store.TryTransferAsync(handoff.Id, "agent", "b", "B", Now, CancellationToken.None));
        Assert.Equal("b", (await store.GetAsync(handoff.Id, CancellationToken.None))!.AgentId);
        Assert.True(await store.TryTransferAsync(handoff.Id, null, null, null, Now, CancellationToken.None));
        var queued = await store.GetAsync(handoff.Id, CancellationToken.None);
        Assert.Equal(HandoffStatus.Waiting, queued!.Status);
        Assert.Null(queued.AgentId);
    }

    [SkippableFact]
    public async Task Messages_Audit_Agents_Transcript_RoundTripInOrder()
    {
        var store = await CreateStoreAsync();
        var (handoff, _) = await store.CreateAsync(NewCase("webchat/c1"), CancellationToken.None);
        await store.AddMessageAsync(handoff.Id, HandoffMessageKind.User, "Alex", "first", Now, CancellationToken.None);
        await store.AddMessageAsync(handoff.Id, HandoffMessageKind.Note, "Sam", "note", Now.AddSeconds(1), CancellationToken.None);
        await store.AuditAsync("agent", "claimed", handoff.Id, null, Now, CancellationToken.None);
        Assert.True(await store.AddAgentIfMissingAsync(new AgentAccount("Agent", "Sam", "hash", ["agent"], Now, null), CancellationToken.None));
        Assert.False(await store.AddAgentIfMissingAsync(new AgentAccount("agent", "Other", "hash", ["agent"], Now, null), CancellationToken.None));
        await store.TouchAgentAsync("AGENT", Now.AddMinutes(1), CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("webchat/c1", Now.AddSeconds(i), i % 2 == 0, $"{{\"type\":\"message\",\"text\":\"m{i}\"}}", CancellationToken.None);
        }

        var messages = await store.ListMessagesAsync(handoff.Id, CancellationToken.None);
        Assert.Equal(["first", "note"], messages.Select(m => m.Text));
        Assert.Equal(HandoffMessageKind.Note, messages[1].Kind);
        Assert.Equal("claimed", Assert.Single(await store.ListAuditAsync(10, CancellationToken.None)).Action);
        var agent = await store.FindAgentAsync("agent", CancellationToken.None);
        Assert.Equal("Sam", agent!.DisplayName);
        Assert.Equal(Now.AddMinutes(1), agent.LastSeenAt);
        var transcript = await store.ReadAsync("webchat/c1", 3, CancellationToken.None);
        Assert.Equal(["m2", "m3", "m4"], transcript.Select(e => System.Text.Json.JsonDocument.Parse(e.ActivityJson).RootElement.GetProperty("text").GetString()));
        Assert.True(transcript[0].Inbound);
        Assert.Equal(2, await store.DeleteBeforeAsync(Now.AddSeconds(2), CancellationToken.None));
        Assert.Equal(3, (await store.ReadAsync("webchat/c1", 10, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task AppendManyAsync_Batch_StoredInOrderWithTheirTimesAndDirections()
    {
        var store = await CreateStoreAsync();
        var records = Enumerable.Range(0, 300)
            .Select(i => new TranscriptRecord(i % 3 == 0 ? "webchat/other" : "webchat/batch", Now.AddMilliseconds(i), i % 2 == 0, $"{{\"type\":\"message\",\"text\":\"b{i}\"}}"))
            .ToList();

        await store.AppendManyAsync(records, CancellationToken.None);
        await store.AppendManyAsync([], CancellationToken.None);

        var transcript = await store.ReadAsync("webchat/batch", 1000, CancellationToken.None);
        var expected = records.Where(r => r.ConversationKey == "webchat/batch").ToList();
        Assert.Equal(expected.Select(r => r.ActivityJson), transcript.Select(e => e.ActivityJson));
        Assert.Equal(expected.Select(r => r.At), transcript.Select(e => e.At));
        Assert.Equal(expected.Select(r => r.Inbound), transcript.Select(e => e.Inbound));
        Assert.Equal(100, (await store.ReadAsync("webchat/other", 1000, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task FindCurrentAsync_AnsweredNoneBefore_SeesEveryLaterChangeOfTheCase()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.FindCurrentAsync("webchat/seen", CancellationToken.None));
        Assert.Null(await store.FindCurrentAsync("webchat/seen", CancellationToken.None));

        var (handoff, _) = await store.CreateAsync(NewCase("webchat/seen"), CancellationToken.None);
        Assert.Equal(handoff.Id, (await store.FindCurrentAsync("webchat/seen", CancellationToken.None))?.Id);

        Assert.True(await store.TryTransitionAsync(handoff.Id, [HandoffStatus.Waiting], HandoffStatus.Cancelled, null, Now, CancellationToken.None));
        Assert.Null(await store.FindCurrentAsync("webchat/seen", CancellationToken.None));

        // Back to the queue after it was closed: current again, although "none" was the last answer.
        Assert.True(await store.TryTransitionAsync(handoff.Id, [HandoffStatus.Cancelled], HandoffStatus.Waiting, null, Now, CancellationToken.None));
        Assert.Equal(HandoffStatus.Waiting, (await store.FindCurrentAsync("webchat/seen", CancellationToken.None))?.Status);
    }

    [SkippableFact]
    public async Task FindCurrentAsync_LookupsRacingACreate_FindTheCaseOnceItIsCreated()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 30; i++)
        {
            var key = $"webchat/race-{i}";
            var lookups = Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.FindCurrentAsync(key, CancellationToken.None))).ToList();
            var (handoff, _) = await store.CreateAsync(NewCase(key), CancellationToken.None);
            await Task.WhenAll(lookups);

            Assert.Equal(handoff.Id, (await store.FindCurrentAsync(key, CancellationToken.None))?.Id);
        }
    }

    private static HandoffCase NewCase(string key) => new()
    {
        ConversationKey = key,
        AdapterName = "directline",
        ReferenceJson = "{}",
        Status = HandoffStatus.Waiting,
        Priority = TicketPriority.P2,
        Category = "network/vpn",
        Trigger = EscalationTrigger.FlowEscalated,
        Reason = "VPN still fails",
        UserId = "u1",
        UserName = "Alex",
        ChannelId = "webchat",
        ContextJson = "{\"summary\":\"s\"}",
        CreatedAt = Now,
        SlaDueAt = Now.AddMinutes(30),
    };
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Skills.Tests.Cases;

public sealed class CaseFileTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetArticleFeedback_ShownTwice_UpdatesLatestShowing()
    {
        var file = new CaseFile();
        file.AddArticle("vpn-wont-connect", "VPN won't connect", "vpn broken", T0);
        file.AddArticle("vpn-wont-connect", "VPN won't connect", "vpn still broken", T0.AddMinutes(1));

        file.SetArticleFeedback("vpn-wont-connect", helped: false, T0.AddMinutes(2));

        Assert.Null(file.ArticlesShown[0].Helped);
        Assert.False(file.ArticlesShown[1].Helped);
        Assert.Equal(T0, file.OpenedAt);
        Assert.Equal(T0.AddMinutes(2), file.UpdatedAt);
    }

    [Fact]
    public void AddStep_PastLimit_OldestDropped()
    {
        var file = new CaseFile();
        for (var i = 0; i < CaseFile.MaxEntries + 5; i++)
        {
            file.AddStep("test", $"step {i}", "yes", T0);
        }

        Assert.Equal(CaseFile.MaxEntries, file.StepsTried.Count);
        Assert.Equal("step 5", file.StepsTried[0].Step);
    }

    [Fact]
    public async Task GetAsync_ChangedInOneTurn_ReadBackInNextTurn()
    {
        var conversation = new ConversationState(new MemoryStorage());
        var cases = new CaseFileAccessor(conversation);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(conversation));

        await adapter.SendTextToBotAsync("vpn", async (ctx, ct) =>
        {
            var file = await cases.GetAsync(ctx, ct);
            file.Capture("error_message", "Error 809", T0);
            file.Identity = new CaseIdentity("ada@contoso.com", Verified: false, Method: null);
        });
        CaseFile? read = null;
        await adapter.SendTextToBotAsync("again", async (ctx, ct) => read = await cases.GetAsync(ctx, ct));

        Assert.Equal("Error 809", read!.Captured["error_message"]);
        Assert.Equal("ada@contoso.com", read.Identity!.Account);
        Assert.False(read.Identity.Verified);
    }
}

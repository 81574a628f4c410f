using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Handoff;

namespace Helpdesk.Bot.Tests.Handoff;

public sealed class HandoffUserLabelTests
{
    [Fact]
    public void For_ChannelSentAName_ThatName()
    {
        Assert.Equal("Alex Wilber", HandoffUserLabel.For(ChannelIds.Webchat, "dl_123", " Alex Wilber ", account: null, verified: false));
    }

    [Fact]
    public void For_VerifiedAccount_NameAndAccountMarkedVerified()
    {
        Assert.Equal("Ada Lovelace · ada@contoso.example (verified)", HandoffUserLabel.For(ChannelIds.Directline, "dl_1", null, "ada@contoso.example", verified: true, directoryName: "Ada Lovelace"));
    }

    [Fact]
    public void For_TypedButUnverifiedAccount_AccountNeverShown()
    {
        var label = HandoffUserLabel.For(ChannelIds.Directline, "dl_1", null, "ada@contoso.example", verified: false);

        Assert.DoesNotContain("ada@contoso.example", label, StringComparison.Ordinal);
        Assert.Matches("^Web Chat visitor ·[0-9a-f]{6}$", label);
    }

    [Fact]
    public void For_NoNameNoIdentity_StableShortTagPerVisitor()
    {
        var first = HandoffUserLabel.For(ChannelIds.Webchat, "visitor-1", null, null, verified: false);

        Assert.Equal(first, HandoffUserLabel.For(ChannelIds.Webchat, "visitor-1", "  ", null, verified: false));
        Assert.NotEqual(first, HandoffUserLabel.For(ChannelIds.Webchat, "visitor-2", null, null, verified: false));
        Assert.DoesNotContain("visitor-1", first, StringComparison.Ordinal);
        Assert.Equal("Teams user", HandoffUserLabel.For(ChannelIds.Msteams, null, null, null, verified: false));
    }
}

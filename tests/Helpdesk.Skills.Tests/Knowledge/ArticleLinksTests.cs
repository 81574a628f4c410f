using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class ArticleLinksTests
{
    [Fact]
    public void For_ConfiguredBase_Absolute() =>
        Assert.Equal("https://help.contoso.com/kb/vpn-wont-connect", ArticleLinks.For("vpn-wont-connect", new Uri("https://help.contoso.com/"), ChannelIds.Msteams, "https://smba.trafficmanager.net/emea/"));

    [Fact]
    public void For_OwnDirectLine_AbsoluteToItsBase() =>
        Assert.Equal("https://bot.contoso.com/app/kb/vpn-wont-connect", ArticleLinks.For("vpn-wont-connect", null, ChannelIds.Directline, "https://bot.contoso.com/app/v3/directline/"));

    [Theory]
    [InlineData(ChannelIds.Msteams, "https://smba.trafficmanager.net/emea/")]
    [InlineData(ChannelIds.Directline, "https://directline.botframework.com/")]
    [InlineData(ChannelIds.Slack, "https://evil.example/v3/directline/")]
    [InlineData(ChannelIds.Directline, "javascript:alert(1)//v3/directline/")]
    [InlineData(null, null)]
    public void For_OtherChannels_Relative(string? channelId, string? serviceUrl) =>
        Assert.Equal("/kb/vpn-wont-connect", ArticleLinks.For("vpn-wont-connect", null, channelId, serviceUrl));

    [Fact]
    public void For_DocsId_EachSegmentEscaped() =>
        Assert.Equal(
            "/kb/OfficeDocs-Support/Outlook/can%27t%20search%20%28x%29%23",
            ArticleLinks.For("OfficeDocs-Support/Outlook/can't search (x)#", null, null, null));
}

using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class ConnectorUrlsTests
{
    [Fact]
    public void Activities_TeamsChannelThreadWithReplyTo_EscapesIdsAsPathSegments()
    {
        var url = ConnectorUrls.Activities("https://smba.trafficmanager.net/amer/", "19:abc@thread.tacv2;messageid=123", "1712345678901");

        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1712345678901",
            url.AbsoluteUri);
    }

    [Fact]
    public void Activities_NoReplyToId_TargetsTheConversationsActivities()
    {
        var url = ConnectorUrls.Activities("https://smba.trafficmanager.net/emea", "a:1xyz", replyToId: null);

        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xyz/activities", url.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector", "http://localhost:56150/_connector/v3/conversations/c1/activities/r1")]
    [InlineData("http://localhost:56150/_connector/", "http://localhost:56150/_connector/v3/conversations/c1/activities/r1")]
    [InlineData("https://directline.botframework.com/", "https://directline.botframework.com/v3/conversations/c1/activities/r1")]
    public void Activities_ServiceUrlWithOrWithoutTrailingSlashOrPath_JoinsOnce(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorUrls.Activities(serviceUrl, "c1", "r1").AbsoluteUri);
    }

    [Fact]
    public void Activities_IdsWithSlashQuestionMarkAndHash_CannotEscapeThePath()
    {
        var url = ConnectorUrls.Activities("https://connector.test/", "a/../b?x=1#frag", "r|1 2");

        Assert.Equal("/v3/conversations/a%2F..%2Fb%3Fx%3D1%23frag/activities/r%7C1%202", url.AbsolutePath);
        Assert.Empty(url.Query);
        Assert.Empty(url.Fragment);
    }

    [Fact]
    public void Activities_EmptyConversationId_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConnectorUrls.Activities("https://connector.test/", " ", null));
    }
}

using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:3979/")]
    [InlineData("http://[::1]:3979/")]
    public void IsAllowed_HttpsOrLoopbackHttp_IsAllowed(string url)
    {
        Assert.True(ServiceUrlPolicy.IsAllowed(url, out var uri));
        Assert.NotNull(uri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://localhost.evil.test/")]
    [InlineData("ftp://localhost/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/v3/conversations")]
    [InlineData("https://user:secret@connector.test/")]
    [InlineData("https://connector.test/#frag")]
    public void IsAllowed_AnythingElse_IsRefused(string? url)
    {
        Assert.False(ServiceUrlPolicy.IsAllowed(url, out var uri));
        Assert.Null(uri);
    }
}

using System.Net;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;

namespace Helpdesk.Bot.Tests.Hosting;

public sealed class ProactiveDeliveryErrorsTests
{
    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    public void ConversationGoneReason_SlackSaysTheChannelIsGone_Reason(string error)
    {
        Assert.Equal("Slack " + error, ProactiveDeliveryErrors.ConversationGoneReason(ChannelIds.Slack, new SlackApiException("chat.postMessage", error)));
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("invalid_auth")]
    public void ConversationGoneReason_SlackTransientOrOwnCredentials_Null(string error)
    {
        Assert.Null(ProactiveDeliveryErrors.ConversationGoneReason(ChannelIds.Slack, new SlackApiException("chat.postMessage", error)));
    }

    [Fact]
    public void ConversationGoneReason_DirectLineConversationEnded_Reason()
    {
        Assert.NotNull(ProactiveDeliveryErrors.ConversationGoneReason(ChannelIds.Directline, new ConversationGoneException()));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, true)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    public void ConversationGoneReason_BotConnectorOtherChannel_Only404IsGone(HttpStatusCode status, bool gone)
    {
        var reason = ProactiveDeliveryErrors.ConversationGoneReason(ChannelIds.Webchat, new HttpRequestException("failed", null, status));

        Assert.Equal(gone, reason is not null);
    }

    [Fact]
    public void ConversationGoneReason_UnrelatedFailure_Null()
    {
        Assert.Null(ProactiveDeliveryErrors.ConversationGoneReason(ChannelIds.Msteams, new TimeoutException()));
    }
}

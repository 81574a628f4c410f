using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Hosting;

/// <summary>The one proactive sender over the host's real Direct Line adapter and reference store.</summary>
public sealed class ProactiveMessengerTests : IAsyncDisposable
{
    private readonly DirectLineTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ProactiveMessenger Messenger => _host.Services.GetRequiredService<ProactiveMessenger>();

    private IConversationReferenceStore Store => _host.Services.GetRequiredService<IConversationReferenceStore>();

    [Fact]
    public async Task SendAsync_DirectLineConversationGone_MarkedDeadForEveryFeatureAndNotTriedAgain()
    {
        var reference = new ConversationReference
        {
            ChannelId = ChannelIds.Directline,
            Conversation = new ConversationAccount("ended-conversation"),
            Bot = _host.Services.GetRequiredService<DirectLineAdapter>().BotAccount,
            User = new ChannelAccount("dl_user"),
        };

        var first = await Messenger.SendAsync(reference, DirectLineAdapter.ProactiveName, [MessageFactory.Text("update")], CancellationToken.None);
        var second = await Messenger.SendAsync(reference, DirectLineAdapter.ProactiveName, [MessageFactory.Text("update 2")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.ConversationGone, first);
        Assert.Equal(ProactiveSendResult.ConversationGone, second);
        var stored = await Store.GetAsync(ChannelIds.Directline, "ended-conversation", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.IsDead);
        Assert.Equal(DirectLineAdapter.ProactiveName, stored.AdapterName);
    }

    [Fact]
    public async Task SendAsync_NoStoredReferenceAndNoAdapter_NoReference()
    {
        var reference = new ConversationReference { ChannelId = ChannelIds.Directline, Conversation = new ConversationAccount("never-seen") };

        Assert.Equal(ProactiveSendResult.NoReference, await Messenger.SendAsync(reference, null, [MessageFactory.Text("update")], CancellationToken.None));
    }
}

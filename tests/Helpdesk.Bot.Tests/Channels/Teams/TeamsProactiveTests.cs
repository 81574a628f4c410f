using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Channels.Teams;

/// <summary>Conversation references recorded from real turns, proactive sends through the Bot Connector, and Teams' "gone" errors.</summary>
public sealed class TeamsProactiveTests : IDisposable
{
    private const string PersonalConversation = "a:1personal-chat-id";
    private const string UserId = "29:user-1";

    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.AnonymousWithHelpdeskBot();

    public void Dispose() => _factory.Dispose();

    private IConversationReferenceStore Store => _factory.Services.GetRequiredService<IConversationReferenceStore>();

    private TeamsProactiveMessenger Messenger => _factory.Services.GetRequiredService<TeamsProactiveMessenger>();

    [Fact]
    public async Task Message_PersonalChat_StoresSanitizedReferenceFindableByUser()
    {
        await UserWritesAsync();

        var stored = await Store.FindPersonalAsync(ChannelIds.Msteams, UserId, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.False(stored.IsDead);
        Assert.Equal(PersonalConversation, stored.Reference.Conversation!.Id);
        Assert.Equal(BotFrameworkFakeCloud.ServiceUrl, stored.Reference.ServiceUrl);
        Assert.Null(stored.Reference.ActivityId); // a notification is a new message, not a reply to something old
        Assert.Equal("aad-user-1", stored.Reference.User!.AadObjectId);
    }

    [Fact]
    public async Task SendToUser_Alive_PostsNewMessageToThePersonalChat()
    {
        await UserWritesAsync();
        var before = _factory.Cloud.ConnectorRequests.Count;

        var result = await Messenger.SendToUserAsync(UserId, [MessageFactory.Text("Ticket INC0012 was updated: an engineer is on it.")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.Sent, result);
        var call = _factory.Cloud.ConnectorRequests.Skip(before).Single();
        Assert.Equal($"https://smba.connector.test/amer/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities", call.Uri.AbsoluteUri);
        Assert.Equal("Ticket INC0012 was updated: an engineer is on it.", call.Activity.Text);
        Assert.Null(call.Activity.ReplyToId);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.")]
    [InlineData(HttpStatusCode.Forbidden, "ConversationBlockedByUser", "User blocked the conversation with the bot.")]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound", "Conversation not found.")]
    public async Task SendToUser_TeamsSaysConversationGone_MarkedDeadAndNotTriedAgain(HttpStatusCode status, string code, string message)
    {
        await UserWritesAsync();
        _factory.Cloud.ScriptConnector(() => Error(status, code, message));

        var first = await Messenger.SendToUserAsync(UserId, [MessageFactory.Text("update")], CancellationToken.None);
        var calls = _factory.Cloud.ConnectorRequests.Count;
        var second = await Messenger.SendToUserAsync(UserId, [MessageFactory.Text("update 2")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.ConversationGone, first);
        Assert.Equal(ProactiveSendResult.ConversationGone, second);
        Assert.Equal(calls, _factory.Cloud.ConnectorRequests.Count);
        var stored = await Store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None);
        Assert.True(stored!.IsDead);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), stored.DeadReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToUser_ForbiddenForTheBotsOwnCredentials_FailsButReferenceStaysAlive()
    {
        await UserWritesAsync();
        _factory.Cloud.ScriptConnector(() => Error(HttpStatusCode.Forbidden, "BotNotRegistered", "The bot is not registered."));

        var result = await Messenger.SendToUserAsync(UserId, [MessageFactory.Text("update")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.Failed, result);
        Assert.False((await Store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None))!.IsDead);
    }

    [Fact]
    public async Task SendToUser_Throttled_FailsButReferenceStaysAlive()
    {
        await UserWritesAsync();
        _factory.Cloud.ScriptConnector(
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"),
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"),
            () => BotFrameworkFakeCloud.Status(HttpStatusCode.TooManyRequests, "0"));

        var result = await Messenger.SendToUserAsync(UserId, [MessageFactory.Text("update")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.Failed, result);
        Assert.False((await Store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None))!.IsDead);
    }

    [Fact]
    public async Task InstallationRemoved_MarksDead_AndTheUserWritingAgainRevivesIt()
    {
        await UserWritesAsync();
        var removal = PersonalActivity("installationUpdate");
        removal["action"] = "remove";
        using (await _factory.PostActivityAsync(removal))
        {
        }

        var dead = await Store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None);
        Assert.True(dead!.IsDead);
        Assert.Equal("app uninstalled", dead.DeadReason);

        var reinstall = PersonalActivity("installationUpdate");
        reinstall["action"] = "add";
        using (await _factory.PostActivityAsync(reinstall))
        {
        }

        Assert.False((await Store.GetAsync(ChannelIds.Msteams, PersonalConversation, CancellationToken.None))!.IsDead);
    }

    [Fact]
    public async Task SendToUser_UnknownUser_NoReference()
    {
        var result = await Messenger.SendToUserAsync("29:nobody", [MessageFactory.Text("update")], CancellationToken.None);

        Assert.Equal(ProactiveSendResult.NoReference, result);
    }

    [Fact]
    public void Sanitize_PlainHttpToAnotherHost_Refused()
    {
        var reference = new ConversationReference
        {
            ChannelId = ChannelIds.Msteams,
            ServiceUrl = "http://smba.example/",
            Conversation = new ConversationAccount("c-1"),
        };

        Assert.Null(StorageConversationReferenceStore.Sanitize(reference));
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) => new(status)
    {
        Content = new StringContent(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    private static JsonObject PersonalActivity(string type)
    {
        var activity = BotFrameworkTestFactory.TeamsMessage("hi");
        activity["type"] = type;
        activity["conversation"] = new JsonObject { ["id"] = PersonalConversation, ["conversationType"] = "personal", ["tenantId"] = BotFrameworkFakeCloud.TenantId };
        return activity;
    }

    private async Task UserWritesAsync()
    {
        using var response = await _factory.PostActivityAsync(PersonalActivity("message"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Text.Json;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.PasswordReset.Directories;
using Helpdesk.Bot.Tests.Infrastructure;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.PasswordReset;

/// <summary>
/// <c>lookup_user</c> answered by the configured account directory (here the embedded demo directory, as the host
/// wires it): only an established identity is looked up, and only what a colleague could see comes back.
/// </summary>
public sealed class AccountDirectoryUserLookupTests
{
    private const string AdaObjectId = "621d7936-3ce3-4f5d-8814-3a25ac111f64";

    private readonly IUserDirectoryLookup _lookup = TestHelpdeskBot
        .Services(new ConversationState(new MemoryStorage()), new BotTexts(Options.Create(new ServiceDeskOptions())))
        .GetRequiredService<IUserDirectoryLookup>();

    [Fact]
    public void Host_WiresTheAccountDirectory()
    {
        Assert.IsType<AccountDirectoryUserLookup>(_lookup);
    }

    [Fact]
    public async Task FindAsync_TeamsSignedInUser_DirectoryFactsWithoutRecoveryDetails()
    {
        var user = await _lookup.FindAsync(new DirectoryLookupRequest(ChannelIds.Msteams, "29:ada", AdaObjectId, "Ada", null), CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal(("Ada Lovelace", "ada@contoso.example", "Research", "London", false), (user.DisplayName, user.Email, user.Department, user.Office, user.AccountLocked));
        var json = JsonSerializer.Serialize(user);
        Assert.DoesNotContain("home.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+1555", json, StringComparison.Ordinal);
        Assert.DoesNotContain("emb-ada", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_AccountVerifiedInTheConversation_FoundOnAnyChannel()
    {
        var user = await _lookup.FindAsync(new DirectoryLookupRequest(ChannelIds.Directline, "dl_1", null, null, "sam", AccountVerified: true), CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal("Sam Rivera", user.DisplayName);
        Assert.True(user.AccountLocked);
    }

    [Theory]
    [InlineData(ChannelIds.Directline, null, "Ada Lovelace", "ada")]
    [InlineData(ChannelIds.Webchat, null, "Ada Lovelace", null)]
    [InlineData(ChannelIds.Slack, "U123", "ada", "ada@contoso.example")]
    [InlineData(ChannelIds.Msteams, "00000000-0000-0000-0000-000000000000", "Ada", null)]
    public async Task FindAsync_IdentityNotEstablished_NotFound(string channel, string? objectId, string? name, string? typedAccount)
    {
        var user = await _lookup.FindAsync(new DirectoryLookupRequest(channel, "user-1", objectId, name, typedAccount, AccountVerified: false), CancellationToken.None);

        Assert.Null(user);
    }
}

using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset.Directories;

/// <summary>
/// <c>lookup_user</c> for troubleshooting flows, answered by the password-reset skill's account directory (embedded,
/// Active Directory or Entra ID — whichever <c>PasswordReset:Directory</c> names). Only a user whose identity is
/// established is looked up, so nobody learns another person's details by typing their name:
/// <list type="bullet">
/// <item>Teams: the Entra object id (<c>aadObjectId</c>) of the signed-in user, which Teams puts on every activity and the
/// Bot Connector's validated token vouches for (<c>Bot:AppId</c> set). Without an app id (local development, anonymous
/// traffic) only the embedded demo directory is asked.</item>
/// <item>Any channel: the account the user proved is theirs with a second factor in this conversation (the case file's
/// verified identity, e.g. after a password reset).</item>
/// </list>
/// Anyone else — a Web Chat visitor, a Slack user, someone who only typed an account name — is "not found" and the
/// flow takes its <c>not_found</c> way. What comes back is what an employee's colleague could see anyway: display name,
/// work mailbox, department, office, and whether the account is locked — never the registered alternate e-mail or
/// phone, ids, or anything secret. A disabled account is not returned; a directory that is down counts as not found.
/// </summary>
internal sealed class AccountDirectoryUserLookup(
    IAccountDirectory directory,
    IOptions<BotFrameworkOptions> botOptions,
    ILogger<AccountDirectoryUserLookup> logger) : IUserDirectoryLookup
{
    /// <summary>The embedded directory's name (<see cref="IAccountDirectory.Name"/>): demo data only.</summary>
    private const string EmbeddedDirectoryName = "embedded";

    public async Task<DirectoryUser?> FindAsync(DirectoryLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var account = await FindAccountAsync(request, cancellationToken);
            return account is { IsEnabled: true }
                ? new DirectoryUser(account.DisplayName, account.Email, account.Department, account.Office, Manager: null, Devices: [], AccountLocked: account.IsLocked)
                : null;
        }
        catch (DirectoryUnavailableException ex)
        {
            logger.LogWarning("lookup_user: the {Directory} directory is unavailable ({Message}); treated as not found", directory.Name, ex.Message);
            return null;
        }
    }

    /// <summary>True when a Teams activity's object id can be trusted (see the class remarks).</summary>
    public bool TrustsTeamsIdentity =>
        !string.IsNullOrWhiteSpace(botOptions.Value.AppId) || string.Equals(directory.Name, EmbeddedDirectoryName, StringComparison.Ordinal);

    private async Task<DirectoryAccount?> FindAccountAsync(DirectoryLookupRequest request, CancellationToken cancellationToken)
    {
        if (string.Equals(request.ChannelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(request.AadObjectId)
            && TrustsTeamsIdentity
            && await directory.FindByIdAsync(request.AadObjectId, cancellationToken) is { } byObjectId)
        {
            return byObjectId;
        }

        return request.AccountVerified && !string.IsNullOrWhiteSpace(request.Account)
            ? await directory.FindAsync(request.Account, cancellationToken)
            : null;
    }
}

using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using Helpdesk.Skills.PasswordReset.Directory;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset.Directories.ActiveDirectory;

/// <summary>
/// Active Directory (and Samba AD) over LDAPS with System.DirectoryServices.Protocols: finds users by
/// sAMAccountName, UPN or mail; reads the lock state (<c>msDS-User-Account-Control-Computed</c>, falling back to
/// <c>lockoutTime</c>) and <c>userAccountControl</c>; unlocks with <c>lockoutTime = 0</c>; resets with
/// <c>unicodePwd</c> (only over the encrypted connection) and, for must-change, <c>pwdLastSet = 0</c>. The server
/// certificate is always verified (system trust or <see cref="ActiveDirectoryOptions.TrustedCaDirectory"/>).
/// Privileged accounts (<c>adminCount=1</c>) and disabled ones are reported as not enabled: never self-service.
/// </summary>
internal sealed class ActiveDirectoryDirectory(IOptions<ActiveDirectoryOptions> options, ILogger<ActiveDirectoryDirectory> logger) : IAccountDirectory
{
    private const int AccountDisabled = 0x2;
    private const int LockedOut = 0x10;
    private const string ComputedControl = "msDS-User-Account-Control-Computed";

    public string Name => "active-directory";

    public Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var value = Escape(identifier.Trim());
        return FindOneAsync($"(&(objectCategory=person)(objectClass=user)(|(sAMAccountName={value})(userPrincipalName={value})(mail={value})))", cancellationToken);
    }

    public Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var clauses = new List<string>();
        if (Guid.TryParse(id, out var guid))
        {
            clauses.Add("(objectGUID=" + EscapeBytes(guid.ToByteArray()) + ")");
        }

        if (options.Value.EntraObjectIdAttribute is { Length: > 0 } attribute)
        {
            clauses.Add($"({attribute}={Escape(id.Trim())})");
        }

        return clauses.Count == 0
            ? Task.FromResult<DirectoryAccount?>(null)
            : FindOneAsync($"(&(objectCategory=person)(objectClass=user)(|{string.Concat(clauses)}))", cancellationToken);
    }

    public async Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await RunAsync(connection =>
        {
            var dn = DistinguishedNameOf(connection, account.Id);
            connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "lockoutTime", "0"));
            return true;
        }, cancellationToken);
    }

    public async Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(newPassword);
        return await RunAsync(connection =>
        {
            var dn = DistinguishedNameOf(connection, account.Id);
            var password = Encoding.Unicode.GetBytes("\"" + newPassword + "\"");
            try
            {
                var request = new ModifyRequest(dn);
                request.Modifications.Add(new DirectoryAttributeModification { Name = "unicodePwd", Operation = DirectoryAttributeOperation.Replace });
                request.Modifications[0].Add(password);
                connection.SendRequest(request);
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode is ResultCode.ConstraintViolation or ResultCode.UnwillingToPerform)
            {
                logger.LogInformation("Active Directory refused a password reset: {ResultCode}", ex.Response.ResultCode);
                return PasswordChangeResult.Rejected("The directory's own password policy refused this password (for example a recently used password). Choose a different one.");
            }
            finally
            {
                Array.Clear(password);
            }

            var follow = new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "lockoutTime", "0");
            if (mustChangeAtNextSignIn)
            {
                follow.Modifications.Add(new DirectoryAttributeModification { Name = "pwdLastSet", Operation = DirectoryAttributeOperation.Replace });
                follow.Modifications[1].Add("0");
            }

            connection.SendRequest(follow);
            return PasswordChangeResult.Success;
        }, cancellationToken);
    }

    private Task<DirectoryAccount?> FindOneAsync(string filter, CancellationToken cancellationToken) => RunAsync(connection =>
    {
        var settings = options.Value;
        var attributes = new[]
        {
            "objectGUID", "sAMAccountName", "userPrincipalName", "displayName", "mail", settings.AlternateEmailAttribute,
            settings.MobileAttribute, "userAccountControl", "lockoutTime", ComputedControl, "adminCount", "department", "physicalDeliveryOfficeName",
        };
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(settings.BaseDn, filter, SearchScope.Subtree, attributes) { SizeLimit = 2 });
        if (response.Entries.Count != 1)
        {
            return null;
        }

        var entry = response.Entries[0];
        var control = Int(entry, "userAccountControl");
        var computed = Int(entry, ComputedControl);
        var locked = computed is { } c ? (c & LockedOut) != 0 : Long(entry, "lockoutTime") is > 0;
        var guid = new Guid(Bytes(entry, "objectGUID") ?? throw new DirectoryUnavailableException("The directory returned a user without objectGUID."));
        var userName = Text(entry, "sAMAccountName") ?? guid.ToString();
        return new DirectoryAccount(
            guid.ToString(),
            userName,
            Text(entry, "userPrincipalName"),
            Text(entry, "displayName") ?? userName,
            Text(entry, "mail"),
            Text(entry, settings.AlternateEmailAttribute),
            Text(entry, settings.MobileAttribute),
            locked,
            IsEnabled: (control is not { } uac || (uac & AccountDisabled) == 0) && Int(entry, "adminCount") is not 1,
            Department: Text(entry, "department"),
            Office: Text(entry, "physicalDeliveryOfficeName"));
    }, cancellationToken);

    private string DistinguishedNameOf(LdapConnection connection, string id)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            throw new DirectoryUnavailableException("The account id is not an objectGUID.");
        }

        var response = (SearchResponse)connection.SendRequest(new SearchRequest(options.Value.BaseDn, "(objectGUID=" + EscapeBytes(guid.ToByteArray()) + ")", SearchScope.Subtree, "distinguishedName") { SizeLimit = 1 });
        return response.Entries.Count == 1
            ? response.Entries[0].DistinguishedName
            : throw new DirectoryUnavailableException("The account is no longer in the directory.");
    }

    private async Task<T> RunAsync<T>(Func<LdapConnection, T> operation, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return await Task.Run(
            () =>
            {
                try
                {
                    using var connection = new LdapConnection(new LdapDirectoryIdentifier(settings.Host, settings.Port, fullyQualifiedDnsHostName: true, connectionless: false))
                    {
                        AuthType = AuthType.Basic,
                        Credential = new NetworkCredential(settings.BindUser, settings.BindPassword),
                        Timeout = settings.Timeout,
                    };
                    connection.SessionOptions.ProtocolVersion = 3;
                    connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
                    connection.SessionOptions.SecureSocketLayer = true;
                    if (!string.IsNullOrEmpty(settings.TrustedCaDirectory) && !OperatingSystem.IsWindows())
                    {
                        connection.SessionOptions.TrustedCertificatesDirectory = settings.TrustedCaDirectory;
                        connection.SessionOptions.StartNewTlsSessionContext();
                    }

                    connection.Bind();
                    return operation(connection);
                }
                catch (LdapException ex)
                {
                    logger.LogWarning("Active Directory unavailable: LDAP error {ErrorCode} ({Message})", ex.ErrorCode, ex.ServerErrorMessage ?? ex.Message);
                    throw new DirectoryUnavailableException("The directory could not be reached or refused the service account.", ex);
                }
                catch (DirectoryOperationException ex)
                {
                    logger.LogWarning("Active Directory refused an operation: {ResultCode}", ex.Response?.ResultCode);
                    throw new DirectoryUnavailableException("The directory refused the operation (check the service account's rights).", ex);
                }
            },
            cancellationToken);
    }

    private static string? Text(SearchResultEntry entry, string name)
    {
        var attribute = entry.Attributes[name];
        return attribute is { Count: > 0 } && attribute.GetValues(typeof(string)) is [string first, ..] && first.Length > 0 ? first : null;
    }

    private static byte[]? Bytes(SearchResultEntry entry, string name)
    {
        var attribute = entry.Attributes[name];
        return attribute is { Count: > 0 } && attribute.GetValues(typeof(byte[])) is [byte[] first, ..] ? first : null;
    }

    private static int? Int(SearchResultEntry entry, string name) =>
        int.TryParse(Text(entry, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Long(SearchResultEntry entry, string name) =>
        long.TryParse(Text(entry, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>RFC 4515 escaping of a filter value.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => @"\5c",
                '*' => @"\2a",
                '(' => @"\28",
                ')' => @"\29",
                '\0' => @"\00",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string EscapeBytes(byte[] bytes) => string.Concat(bytes.Select(b => "\\" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}

using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.PasswordReset.Directories.ActiveDirectory;

/// <summary>
/// Active Directory over LDAPS (section <c>PasswordReset:ActiveDirectory</c>), used when
/// <c>PasswordReset:Directory=ActiveDirectory</c>. The service account needs only: read users, the "Reset Password"
/// extended right, and write <c>lockoutTime</c> and <c>pwdLastSet</c> on the user objects it serves.
/// </summary>
internal sealed class ActiveDirectoryOptions
{
    public const string SectionName = "PasswordReset:ActiveDirectory";

    /// <summary>The domain controller's host name (it must match the name in its certificate).</summary>
    [Required(ErrorMessage = "PasswordReset:ActiveDirectory:Host is required (the domain controller, e.g. dc1.contoso.com).")]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535, ErrorMessage = "PasswordReset:ActiveDirectory:Port must be 1 to 65535.")]
    public int Port { get; set; } = 636;

    /// <summary>Where users are searched, e.g. <c>DC=contoso,DC=com</c>.</summary>
    [Required(ErrorMessage = "PasswordReset:ActiveDirectory:BaseDn is required (e.g. DC=contoso,DC=com).")]
    public string BaseDn { get; set; } = string.Empty;

    /// <summary>The service account (UPN or DN).</summary>
    [Required(ErrorMessage = "PasswordReset:ActiveDirectory:BindUser is required (a least-privilege service account, e.g. svc-helpdesk@contoso.com).")]
    public string BindUser { get; set; } = string.Empty;

    [Required(ErrorMessage = "PasswordReset:ActiveDirectory:BindPassword is required (keep it in a secret store or an environment variable).")]
    public string BindPassword { get; set; } = string.Empty;

    /// <summary>
    /// A folder of trusted CA certificates (PEM, named by subject hash: <c>openssl rehash DIR</c>) for the domain
    /// controller's certificate; the system's trust store when empty. Certificates are always verified.
    /// </summary>
    public string? TrustedCaDirectory { get; set; }

    /// <summary>The attribute with the registered alternate e-mail address (multi-valued: the first is used).</summary>
    [Required]
    public string AlternateEmailAttribute { get; set; } = "otherMailbox";

    /// <summary>The attribute with the registered mobile phone.</summary>
    [Required]
    public string MobileAttribute { get; set; } = "mobile";

    /// <summary>An attribute holding the Entra object id of synced users (Teams' aadObjectId), e.g. <c>msDS-cloudExtensionAttribute1</c>; optional.</summary>
    public string? EntraObjectIdAttribute { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "PasswordReset:ActiveDirectory:Timeout must be 1 second to 2 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

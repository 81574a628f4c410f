using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.PasswordReset.Directories.EntraId;

/// <summary>
/// Microsoft Entra ID through Microsoft Graph with client credentials (section <c>PasswordReset:EntraId</c>), used
/// when <c>PasswordReset:Directory=EntraId</c>. The app registration needs the application permissions
/// <c>User.Read.All</c>, <c>UserAuthenticationMethod.Read.All</c> and <c>User-PasswordProfile.ReadWrite.All</c>, and
/// the app's service principal a directory role that may reset the users it serves (e.g. Helpdesk Administrator,
/// which cannot reset administrators).
/// </summary>
internal sealed class EntraIdOptions
{
    public const string SectionName = "PasswordReset:EntraId";

    [Required(ErrorMessage = "PasswordReset:EntraId:TenantId is required (the directory (tenant) id).")]
    public string TenantId { get; set; } = string.Empty;

    [Required(ErrorMessage = "PasswordReset:EntraId:ClientId is required (the app registration's application id).")]
    public string ClientId { get; set; } = string.Empty;

    [Required(ErrorMessage = "PasswordReset:EntraId:ClientSecret is required (keep it in a secret store or an environment variable).")]
    public string ClientSecret { get; set; } = string.Empty;

    [Url(ErrorMessage = "PasswordReset:EntraId:Authority must be an absolute URL.")]
    public string Authority { get; set; } = "https://login.microsoftonline.com";

    [Url(ErrorMessage = "PasswordReset:EntraId:GraphBaseUrl must be an absolute URL.")]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "PasswordReset:EntraId:Timeout must be 1 second to 2 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

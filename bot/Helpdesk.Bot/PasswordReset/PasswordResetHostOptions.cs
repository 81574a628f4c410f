using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>The host's own password-reset settings (section <c>PasswordReset</c>, beside the skill's).</summary>
internal sealed class PasswordResetHostOptions
{
    /// <summary>Key for the audit export (<c>X-Api-Key</c>); the export is off when empty.</summary>
    [RegularExpression("^.{32,}$", ErrorMessage = "PasswordReset:AdminApiKey must be at least 32 characters (or empty to turn the audit export off).")]
    public string? AdminApiKey { get; set; }

    /// <summary>Where the code-hash and enrolment-encryption keys are kept (generated on first start); default <c>{data}/password-reset-keys.json</c>.</summary>
    public string? KeysFile { get; set; }
}

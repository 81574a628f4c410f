using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Skills.PasswordReset;

/// <summary>
/// How self-service password reset and account unlock behave: code and link lifetimes, limits, blocks, the password
/// policy. Section <c>PasswordReset</c>; bound and validated at start by the host.
/// </summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "PasswordReset";

    /// <summary>Where accounts live: <c>Embedded</c> (SQLite demo directory), <c>ActiveDirectory</c> (LDAPS) or <c>EntraId</c> (Microsoft Graph).</summary>
    [Required]
    [RegularExpression("^(?i)(embedded|activedirectory|entraid)$", ErrorMessage = "PasswordReset:Directory must be 'Embedded', 'ActiveDirectory' or 'EntraId'.")]
    public string Directory { get; set; } = "Embedded";

    /// <summary>Digits in a one-time code (at least 6).</summary>
    [Range(6, 10, ErrorMessage = "PasswordReset:CodeLength must be 6 to 10 digits.")]
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a one-time code is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:10:00", ErrorMessage = "PasswordReset:CodeLifetime must be 1 to 10 minutes.")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong answers a code accepts before it is dead.</summary>
    [Range(1, 3, ErrorMessage = "PasswordReset:MaxCodeAttempts must be 1 to 3.")]
    public int MaxCodeAttempts { get; set; } = 3;

    /// <summary>Codes sent to one account per rolling hour.</summary>
    [Range(1, 5, ErrorMessage = "PasswordReset:MaxCodesPerAccountPerHour must be 1 to 5.")]
    public int MaxCodesPerAccountPerHour { get; set; } = 5;

    /// <summary>Codes requested in one conversation per rolling hour.</summary>
    [Range(1, 50, ErrorMessage = "PasswordReset:MaxCodesPerConversationPerHour must be 1 to 50.")]
    public int MaxCodesPerConversationPerHour { get; set; } = 6;

    /// <summary>Verification attempts (codes or TOTP answers) in one conversation per rolling hour.</summary>
    [Range(1, 100, ErrorMessage = "PasswordReset:MaxAttemptsPerConversationPerHour must be 1 to 100.")]
    public int MaxAttemptsPerConversationPerHour { get; set; } = 12;

    /// <summary>Verification attempts from one source (a chat user, a browser address) per rolling hour.</summary>
    [Range(1, 200, ErrorMessage = "PasswordReset:MaxAttemptsPerSourcePerHour must be 1 to 200.")]
    public int MaxAttemptsPerSourcePerHour { get; set; } = 20;

    /// <summary>Failed verifications (account or source) within <see cref="AbuseWindow"/> that count as abuse and block.</summary>
    [Range(2, 100, ErrorMessage = "PasswordReset:AbuseFailureThreshold must be 2 to 100.")]
    public int AbuseFailureThreshold { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "PasswordReset:AbuseWindow must be 1 minute to 7 days.")]
    public TimeSpan AbuseWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long self-service stays closed for an account, conversation or source after abuse.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "PasswordReset:BlockDuration must be 1 minute to 30 days.")]
    public TimeSpan BlockDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After a successful self-service reset, no further self-service reset of that account for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "PasswordReset:CooldownAfterReset must be 0 to 30 days.")]
    public TimeSpan CooldownAfterReset { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failures (account or source) within <see cref="AlertWindow"/> that raise an anomaly alert.</summary>
    [Range(2, 100, ErrorMessage = "PasswordReset:AlertFailureThreshold must be 2 to 100.")]
    public int AlertFailureThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "PasswordReset:AlertWindow must be 1 minute to 1 day.")]
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a reset link works (it works once).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:10:00", ErrorMessage = "PasswordReset:LinkLifetime must be 1 to 10 minutes.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>Link</c> (default: a single-use reset page) or <c>TemporaryPassword</c> (sent out of band, must change at next sign-in).</summary>
    [Required]
    [RegularExpression("^(?i)(link|temporarypassword)$", ErrorMessage = "PasswordReset:ResetMode must be 'Link' or 'TemporaryPassword'.")]
    public string ResetMode { get; set; } = "Link";

    /// <summary>Shortest password the reset page accepts (NIST SP 800-63B rev. 4: 15 for single-factor use).</summary>
    [Range(8, 64, ErrorMessage = "PasswordReset:MinPasswordLength must be 8 to 64.")]
    public int MinPasswordLength { get; set; } = 15;

    /// <summary>Longest password the reset page accepts (at least 64).</summary>
    [Range(64, 1024, ErrorMessage = "PasswordReset:MaxPasswordLength must be 64 to 1024.")]
    public int MaxPasswordLength { get; set; } = 128;

    /// <summary>Lowest zxcvbn score (0–4) the reset page accepts.</summary>
    [Range(0, 4, ErrorMessage = "PasswordReset:MinStrengthScore must be 0 to 4.")]
    public int MinStrengthScore { get; set; } = 3;

    /// <summary>Extra words a password may not contain (the company name is added by the host).</summary>
    public IList<string> ContextWords { get; set; } = [];

    /// <summary>Every identify-and-send step takes at least this long, so timing says nothing about the account.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "PasswordReset:MinimumResponseTime must be 0 to 5 seconds.")]
    public TimeSpan MinimumResponseTime { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Base URL of the reset page in links (e.g. <c>https://help.contoso.com</c>); the host's own address when empty.</summary>
    [Url(ErrorMessage = "PasswordReset:PublicBaseUrl must be an absolute URL.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The organisation's name in codes, e-mails and the reset page (the host fills it from <c>ServiceDesk:CompanyName</c>).</summary>
    public string OrganizationName { get; set; } = "Contoso";

    /// <summary>How to reach the service desk, for messages sent outside the chat (the host fills it from <c>ServiceDesk</c>).</summary>
    public string ServiceDeskContact { get; set; } = "the service desk";

    /// <summary>Seed the embedded directory with the documented demo users (Embedded only).</summary>
    public bool SeedDemoUsers { get; set; } = true;

    public bool UsesTemporaryPasswords => string.Equals(ResetMode, "temporarypassword", StringComparison.OrdinalIgnoreCase);
}

using Helpdesk.Skills.PasswordReset.Recovery;

namespace Helpdesk.Skills.PasswordReset.Dialogs;

/// <summary>The password-reset dialog's saved state. Holds ids and counts only — never a code, link or password.</summary>
public sealed class RecoverySession
{
    public PasswordResetIntent Intent { get; set; }

    public RecoveryStage Stage { get; set; }

    /// <summary>The account the channel says the user is (its directory id), while asking to confirm it.</summary>
    public string? ChannelAccountId { get; set; }

    public string? ChannelAccountName { get; set; }

    public RecoveryTarget? Target { get; set; }

    public VerificationMethodKind? Method { get; set; }

    /// <summary>The id of the code record in progress (not the code).</summary>
    public string? CodeId { get; set; }

    /// <summary>Wrong authenticator codes in a row.</summary>
    public int TotpFailures { get; set; }

    /// <summary>Answers not understood at the current question.</summary>
    public int NotUnderstood { get; set; }

    public bool Verified { get; set; }
}

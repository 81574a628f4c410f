namespace Helpdesk.Skills.PasswordReset.Dialogs;

/// <summary>Where the password-reset dialog is waiting.</summary>
public enum RecoveryStage
{
    /// <summary>"Is this about your account X?" (the channel's identity).</summary>
    ConfirmChannelAccount,

    /// <summary>"What's your user name or work e-mail address?"</summary>
    AskAccount,

    /// <summary>"How would you like to get a code?"</summary>
    ChooseMethod,

    /// <summary>Waiting for a code (the user's message is a secret).</summary>
    AwaitCode,

    /// <summary>"Do you also want to reset your password?"</summary>
    OfferReset,
}

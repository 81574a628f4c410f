namespace Helpdesk.Skills.PasswordReset;

/// <summary>How the password-reset dialog is started: the intent the menu chose and what the user typed.</summary>
/// <param name="Intent">Reset or unlock as chosen from the menu.</param>
/// <param name="UserText">The user's words, when typed (a more precise intent such as "can't sign in" is read from them).</param>
public sealed record PasswordResetRequest(PasswordResetIntent Intent, string? UserText = null)
{
    /// <summary>The intent to act on: the one the words say when they say one, else the menu's.</summary>
    public PasswordResetIntent EffectiveIntent =>
        PasswordResetPhrases.Recognize(UserText) is PasswordResetIntent.CantSignIn ? PasswordResetIntent.CantSignIn : Intent;
}

using System.Globalization;

namespace Helpdesk.Skills.PasswordReset.Dialogs;

/// <summary>What the password-reset dialog says.</summary>
public sealed class PasswordResetTexts(PasswordResetOptions options)
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string MethodTotp = "Authenticator app";
    public const string MethodEmail = "E-mail me a code";
    public const string MethodSms = "Text me a code";
    public const string MethodNone = "I have none of these";
    public const string SendNewCode = "Send a new code";
    public const string AnotherWay = "Another way";
    public const string TalkToPerson = "Talk to a person";

    public string ConfirmChannelAccount(string name) => $"I can see you're signed in as **{name}**. Is this about that account?";

    public string AskAccount(PasswordResetIntent intent) =>
        (intent == PasswordResetIntent.Unlock ? "I can help you unlock your account. " : "I can help you get back in. ") +
        "First, what's your user name or work e-mail address? (for example *ada@contoso.example*)";

    public string AccountNotUnderstood => "That doesn't look like a user name or e-mail address. Please type it without spaces, for example *ada* or *ada@contoso.example*.";

    public string ChooseMethod(string name) =>
        $"Thanks. To make sure it's really you, I need a one-time code for **{name}**. How would you like to get one?";

    public string ChooseMethodAgain => "How would you like to get a code?";

    public string MethodNotUnderstood => "Please pick one of the options below.";

    public string CodeSentEmail(string name) =>
        $"If **{name}** has a registered alternate e-mail address, I've just sent a {options.CodeLength}-digit code to it. " +
        $"It works once, for {Minutes(options.CodeLifetime)} minutes. Type the code here — or say **resend** or **another way**.";

    public string CodeSentSms(string name) =>
        $"If **{name}** has a registered mobile phone, I've just sent a {options.CodeLength}-digit code to it by text message. " +
        $"It works once, for {Minutes(options.CodeLifetime)} minutes. Type the code here — or say **resend** or **another way**.";

    public string AskTotp(string name) =>
        $"Open your authenticator app and type the 6-digit code it shows for **{options.OrganizationName} ({name})**. Or say **another way**.";

    public string CodeFormat(int digits) => $"That doesn't look like a {digits}-digit code. Type just the digits (spaces are fine), or say **another way**.";

    public string WrongCode(int attemptsLeft) =>
        $"That code isn't right. You can try {attemptsLeft} more time{(attemptsLeft == 1 ? string.Empty : "s")}.";

    public string WrongTotp(int attemptsLeft) =>
        $"That code isn't right. Check that your phone's clock is correct and type the code currently shown. {attemptsLeft} more tr{(attemptsLeft == 1 ? "y" : "ies")}.";

    public string CodeDead => "That code can't be used any more. Shall I send a new one, or would you rather verify another way?";

    public string CodeExpired => "That code has expired. Shall I send a new one, or would you rather verify another way?";

    public string TotpReplayed => "That code was already used. Wait until your app shows a new code, then type it.";

    public string TotpFailedTooOften => "That didn't work. Would you like to verify another way?";

    public string TooManyCodes(DateTimeOffset? retryAt) =>
        "For your security I can't send more codes right now" + (retryAt is { } at ? $" — you can ask again after {Time(at)} UTC" : string.Empty) + ".";

    public string TooManyAttempts => "For your security I can't check more codes in this conversation right now.";

    public string Blocked => "For your security, self-service for this request is paused after too many failed attempts.";

    public string Verified => "Thanks — you're verified.";

    public string Unlocked => "Done — your account is unlocked. You can sign in again now.";

    public string NotLocked => "Your account isn't locked.";

    public string WasLockedUnlocked => "Your account was locked — I've unlocked it.";

    public string OfferResetAfterUnlock => "Do you also want to reset your password (if you don't remember it)?";

    public string OfferResetNotLocked => "Do you want to reset your password instead?";

    public string NotLockedSoReset => "Your account isn't locked, so let's set a new password.";

    public string ResetLink(string url, DateTimeOffset expiresAt) =>
        $"Here's your password reset link. It works **once**, until {Time(expiresAt)} UTC, and only for your account:\n\n{url}\n\n" +
        "Choose your new password on that page — it never goes through this chat. I'll also e-mail your mailbox once it's changed.";

    public string TemporaryPasswordSent(bool bySms) =>
        $"I've set a temporary password and sent it to your registered {(bySms ? "mobile phone" : "alternate e-mail address")}. " +
        "Sign in with it — you'll be asked to choose a new password straight away. I'll never show passwords in this chat.";

    public string CoolingDown(DateTimeOffset until) =>
        $"Your password was reset very recently. For your security another self-service reset is possible after {Time(until)} UTC.";

    public string ResetFailed => "The directory didn't accept the change, so nothing was changed.";

    public string DirectoryUnavailable => "I can't reach the account directory right now, so I can't change your account from here. Nothing was changed.";

    public string NotVerifiedHandoff => "I couldn't verify your identity here, so I can't change your account from this chat. A person at the service desk can verify you another way.";

    public string NoMethodHandoff => "Without a registered way to verify you, I can't change your account from this chat. A person at the service desk can verify you another way.";

    public string NoReset => "Okay. If you need anything else, just ask — or type **menu**.";

    public string YesNoRetry => "Please answer **yes** or **no**.";

    private static string Minutes(TimeSpan value) => ((int)Math.Round(value.TotalMinutes)).ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}

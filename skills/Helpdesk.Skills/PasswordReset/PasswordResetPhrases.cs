using Helpdesk.Bot.Core.Dialogs.Choices;

namespace Helpdesk.Skills.PasswordReset;

/// <summary>The ways people ask for a reset or an unlock (typos are handled by the recognizer).</summary>
public static class PasswordResetPhrases
{
    public static IReadOnlyList<string> Reset { get; } =
    [
        "reset password", "password reset", "forgot password", "forgot my password", "forgotten password", "new password",
        "change password", "change my password", "password expired", "my password expired", "expired password",
        "pw reset", "reset pw", "reset my password", "i forgot my password", "dont remember my password",
    ];

    public static IReadOnlyList<string> Unlock { get; } =
    [
        "unlock account", "unlock my account", "account locked", "my account is locked", "locked out", "i am locked out",
        "im locked out", "locked account", "account is locked out", "unlock",
    ];

    public static IReadOnlyList<string> CantSignIn { get; } =
    [
        "cant sign in", "can't sign in", "cannot sign in", "cant log in", "can't log in", "cannot log in", "cant login",
        "cannot login", "unable to sign in", "unable to log in", "sign in not working", "login not working", "cant get in",
    ];

    private static readonly IReadOnlyList<Choice> Intents =
    [
        new(nameof(PasswordResetIntent.CantSignIn), CantSignIn),
        new(nameof(PasswordResetIntent.Unlock), Unlock),
        new(nameof(PasswordResetIntent.Reset), Reset),
    ];

    private static readonly ChoiceRecognizer Recognizer = new();

    /// <summary>The intent <paramref name="text"/> expresses, or null when it is none of them.</summary>
    public static PasswordResetIntent? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var recognition = Recognizer.Recognize(text, Intents);
        return recognition.Status == ChoiceRecognitionStatus.Matched && recognition.Choice!.MatchKind != ChoiceMatchKind.Position && Enum.TryParse<PasswordResetIntent>(recognition.Choice!.Value, out var intent)
            ? intent
            : null;
    }
}

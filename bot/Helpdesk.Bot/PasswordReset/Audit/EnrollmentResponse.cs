namespace Helpdesk.Bot.PasswordReset.Audit;

/// <summary>The new authenticator secret (shown once, to hand to the user: scan <see cref="OtpauthUri"/> as a QR code).</summary>
internal sealed record EnrollmentResponse(string Account, string Secret, string OtpauthUri);

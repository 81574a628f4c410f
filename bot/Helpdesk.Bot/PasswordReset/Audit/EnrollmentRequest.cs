namespace Helpdesk.Bot.PasswordReset.Audit;

/// <summary><c>POST /api/admin/password-reset/enrollments</c>: enrol an account's authenticator app.</summary>
internal sealed record EnrollmentRequest(string? Account);

namespace Helpdesk.Skills.PasswordReset.Directory;

/// <summary>What the directory said to a new password.</summary>
/// <param name="Succeeded">True when the password was set.</param>
/// <param name="Problem">Why the directory refused it (its own policy: history, complexity), for the user; null on success.</param>
public sealed record PasswordChangeResult(bool Succeeded, string? Problem = null)
{
    public static PasswordChangeResult Success { get; } = new(true);

    public static PasswordChangeResult Rejected(string problem) => new(false, problem);
}

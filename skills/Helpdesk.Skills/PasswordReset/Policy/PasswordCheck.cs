namespace Helpdesk.Skills.PasswordReset.Policy;

/// <summary>The verdict on a new password: accepted, or the problems with it in plain words.</summary>
/// <param name="Problems">What is wrong (empty when accepted).</param>
/// <param name="Messages">The problems as sentences for the user, in the same order.</param>
/// <param name="Score">The zxcvbn score (0–4).</param>
public sealed record PasswordCheck(IReadOnlyList<PasswordProblem> Problems, IReadOnlyList<string> Messages, int Score)
{
    public bool Accepted => Problems.Count == 0;
}

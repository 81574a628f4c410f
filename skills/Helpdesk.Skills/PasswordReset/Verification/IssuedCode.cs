namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>A one-time code just created: only its hash is stored; <see cref="Code"/> goes out of band and is then forgotten.</summary>
/// <param name="Id">The record id (kept in dialog state; not a secret).</param>
/// <param name="Code">The code itself (a secret).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record IssuedCode(string Id, string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Never prints the code.</summary>
    public override string ToString() => $"code {Id} (expires {ExpiresAt:O})";
}

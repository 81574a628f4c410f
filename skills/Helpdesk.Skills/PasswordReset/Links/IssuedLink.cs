namespace Helpdesk.Skills.PasswordReset.Links;

/// <summary>A reset link just issued. <see cref="Token"/> and <see cref="Url"/> are secrets: sent to the user once, never stored or logged.</summary>
public sealed record IssuedLink(string Token, string Url, DateTimeOffset ExpiresAt)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"reset link (expires {ExpiresAt:O})";
}

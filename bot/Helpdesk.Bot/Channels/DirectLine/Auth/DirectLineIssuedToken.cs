namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>A token just issued and its lifetime in seconds (<c>expires_in</c>).</summary>
internal sealed record DirectLineIssuedToken(string Token, int ExpiresIn);

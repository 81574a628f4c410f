namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>Content of the generated key file.</summary>
internal sealed record DirectLineStoredKeys(string? Secret, string? TokenSigningKey);

using System.Security.Claims;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Outcome of checking an inbound request: the caller's identity (anonymous when the bot has no app id), or the
/// reason it was refused (for logs; never shown to the caller, never containing the token).
/// </summary>
internal sealed record BotFrameworkAuthenticationResult(ClaimsIdentity? Identity, string? CallerId, string? FailureReason)
{
    public const string AnonymousAuthenticationType = "anonymous";

    public bool Succeeded => Identity is not null;

    public static BotFrameworkAuthenticationResult Anonymous() => new(new ClaimsIdentity(AnonymousAuthenticationType), null, null);

    public static BotFrameworkAuthenticationResult Authenticated(ClaimsIdentity identity) =>
        new(identity, BotFrameworkProtocol.PublicAzureChannelCallerId, null);

    public static BotFrameworkAuthenticationResult Failed(string reason) => new(null, null, reason);
}

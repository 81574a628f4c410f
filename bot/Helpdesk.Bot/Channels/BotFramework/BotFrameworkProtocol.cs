namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>Names fixed by the Bot Framework protocol (routes, claims, caller ids, delivery modes).</summary>
internal static class BotFrameworkProtocol
{
    /// <summary>The messaging endpoint Azure Bot Service posts activities to.</summary>
    public const string MessagesRoute = "/api/messages";

    /// <summary>Claim of a Bot Connector token holding the service URL the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Claims naming the calling app (v1 and v2 Entra tokens).</summary>
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>Extra field of a Bot Framework JWKS key: the channels the key may sign for.</summary>
    public const string EndorsementsField = "endorsements";

    /// <summary><see cref="Core.Schema.Activity.CallerId"/> of activities authenticated as coming from Azure Bot Service.</summary>
    public const string PublicAzureChannelCallerId = "urn:botframework:azure";

    /// <summary>Delivery mode asking for all replies in the HTTP response instead of Bot Connector calls.</summary>
    public const string ExpectRepliesDeliveryMode = "expectReplies";

    /// <summary>An outgoing pseudo-activity that pauses the turn for <c>value</c> milliseconds (default 1000).</summary>
    public const string DelayActivityType = "delay";

    /// <summary>Turn state key of the authenticated caller's <see cref="System.Security.Claims.ClaimsIdentity"/>.</summary>
    public const string IdentityTurnStateKey = "BotFramework.Identity";

    /// <summary>Names of the HTTP clients (IHttpClientFactory) of this channel.</summary>
    public const string ConnectorHttpClient = "BotFramework.Connector";
    public const string TokenHttpClient = "BotFramework.Token";
    public const string OpenIdMetadataHttpClient = "BotFramework.OpenIdMetadata";
}

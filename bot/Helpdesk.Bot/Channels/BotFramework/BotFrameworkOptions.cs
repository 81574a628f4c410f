namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework channel (Azure Bot Service's Bot Connector). Section <c>Bot</c>.
/// Without an <see cref="AppId"/> the endpoint accepts anonymous traffic and sends replies without a token, as
/// Microsoft's SDK does for local development (Emulator, Agents Playground).
/// </summary>
internal sealed class BotFrameworkOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";
    public const string EntraInstance = "https://login.microsoftonline.com";
    public const string MultiTenantAuthority = EntraInstance + "/botframework.com";

    /// <summary>The bot's Microsoft App ID (Entra client id). Empty: anonymous (local development only).</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret; required when <see cref="AppId"/> is set.</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public string AppType { get; set; } = nameof(BotFrameworkAppType.MultiTenant);

    /// <summary>The Entra tenant of a single-tenant app.</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata whose JWKS signs the Bot Connector's tokens (issuer https://api.botframework.com).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// OpenID metadata for Entra-issued tokens of a single-tenant app. Default:
    /// <c>https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration</c>.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Issuers accepted on inbound tokens. Default: see <see cref="GetValidIssuers"/>.</summary>
    public IList<string> ValidIssuers { get; set; } = [];

    /// <summary>
    /// Entra authority for the bot's own token. Default: https://login.microsoftonline.com/botframework.com
    /// (multi-tenant) or https://login.microsoftonline.com/{TenantId} (single-tenant).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Scope of the bot's outbound token (the Bot Connector audience).</summary>
    public string OAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>Tolerance when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the OpenID metadata and signing keys are re-read (the identity libraries' default).</summary>
    public TimeSpan OpenIdMetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Least time between two refreshes forced by a token that names an unknown signing key.</summary>
    public TimeSpan OpenIdMetadataMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a Bot Connector or token call after 429, 5xx or a network failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles per retry (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts; a Retry-After beyond it ends the retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one HTTP attempt to the Bot Connector or the token endpoint.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when no <see cref="AppId"/> is configured: no inbound or outbound authentication.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The parsed <see cref="AppType"/> (validated at start).</summary>
    public BotFrameworkAppType ParsedAppType =>
        Enum.TryParse<BotFrameworkAppType>(AppType, ignoreCase: true, out var type) ? type : BotFrameworkAppType.MultiTenant;

    /// <summary>The configured issuers, or the defaults for the app type.</summary>
    public IReadOnlyList<string> GetValidIssuers()
    {
        if (ValidIssuers.Count > 0)
        {
            return [.. ValidIssuers];
        }

        return ParsedAppType == BotFrameworkAppType.SingleTenant && !string.IsNullOrWhiteSpace(TenantId)
            ? [BotFrameworkIssuer, $"https://sts.windows.net/{TenantId}/", $"{EntraInstance}/{TenantId}/v2.0"]
            : [BotFrameworkIssuer];
    }

    /// <summary>The Entra metadata for Entra-issued tokens, or null when the app is multi-tenant.</summary>
    public string? GetEntraOpenIdMetadataUrl()
    {
        if (!string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl))
        {
            return EntraOpenIdMetadataUrl;
        }

        return ParsedAppType == BotFrameworkAppType.SingleTenant && !string.IsNullOrWhiteSpace(TenantId)
            ? $"{EntraInstance}/{TenantId}/v2.0/.well-known/openid-configuration"
            : null;
    }

    /// <summary>The Entra authority the bot's own token comes from.</summary>
    public string GetAuthority()
    {
        if (!string.IsNullOrWhiteSpace(Authority))
        {
            return Authority.TrimEnd('/');
        }

        return ParsedAppType == BotFrameworkAppType.SingleTenant ? $"{EntraInstance}/{TenantId}" : MultiTenantAuthority;
    }

    /// <summary>The OAuth 2.0 token endpoint of <see cref="GetAuthority"/>.</summary>
    public Uri GetTokenEndpoint() => new(GetAuthority() + "/oauth2/v2.0/token");
}

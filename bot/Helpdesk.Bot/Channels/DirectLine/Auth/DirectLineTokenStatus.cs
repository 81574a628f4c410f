namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>Outcome of checking a token.</summary>
internal enum DirectLineTokenStatus
{
    /// <summary>Signature, issuer and lifetime check out.</summary>
    Valid,

    /// <summary>Genuine but past its expiry (Direct Line answers 403 <c>TokenExpired</c>).</summary>
    Expired,

    /// <summary>Not a token of this server (malformed, forged or signed with another key).</summary>
    Invalid,
}

using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer SECRET_OR_TOKEN</c> as Direct Line does: a missing or malformed header is 401;
/// an unknown secret or a forged token is 403 <c>BadArgument</c>; an expired token is 403 <c>TokenExpired</c>
/// (Microsoft's clients treat 403 as "expired, wait for a new token").
/// </summary>
internal sealed class DirectLineAuthenticator(DirectLineKeyRing keys, DirectLineTokenService tokens)
{
    private const string BearerPrefix = "Bearer ";

    public DirectLineAuthentication Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return DirectLineAuthentication.Failed(DirectLineProblem.MissingCredentials);
        }

        var credential = header[BearerPrefix.Length..].Trim();
        if (credential.Length == 0)
        {
            return DirectLineAuthentication.Failed(DirectLineProblem.MissingCredentials);
        }

        if (keys.IsSecret(credential))
        {
            return new DirectLineAuthentication(DirectLineCaller.Secret, null);
        }

        var validation = tokens.Validate(credential);
        return validation switch
        {
            { Status: DirectLineTokenStatus.Valid, Claims.Scope: DirectLineTokenScopes.Conversation } =>
                new DirectLineAuthentication(new DirectLineCaller(false, validation.Claims), null),
            { Status: DirectLineTokenStatus.Expired, Claims.Scope: DirectLineTokenScopes.Conversation } =>
                DirectLineAuthentication.Failed(DirectLineProblem.TokenExpired),
            _ => DirectLineAuthentication.Failed(DirectLineProblem.InvalidCredentials),
        };
    }

    /// <summary>Checks the <c>t</c> parameter of a <c>streamUrl</c> (a stream token, or a conversation token).</summary>
    public DirectLineProblem? AuthenticateStream(string? token, string conversationId)
    {
        var validation = tokens.Validate(token);
        return validation.Status switch
        {
            DirectLineTokenStatus.Valid when validation.Claims!.ConversationId == conversationId => null,
            DirectLineTokenStatus.Valid => DirectLineProblem.WrongConversation,
            DirectLineTokenStatus.Expired => DirectLineProblem.TokenExpired,
            _ => DirectLineProblem.InvalidCredentials,
        };
    }
}

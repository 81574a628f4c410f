using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Checks what data annotations cannot: secret strength, the signing key's encoding and the origin list.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public const int MinSecretLength = 16;
    public const int MinSigningKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var secret in options.ConfiguredSecrets)
        {
            if (secret.Length < MinSecretLength)
            {
                failures.Add($"DirectLine:Secret(s): every secret must be at least {MinSecretLength} characters (use a long random value).");
                break;
            }

            if (secret.Any(char.IsWhiteSpace))
            {
                failures.Add("DirectLine:Secret(s): a secret may not contain whitespace (it travels in an Authorization header).");
                break;
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
        {
            var buffer = new byte[options.TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(options.TokenSigningKey.Trim(), buffer, out var written))
            {
                failures.Add("DirectLine:TokenSigningKey must be Base64 (e.g. from `openssl rand -base64 48`).");
            }
            else if (written < MinSigningKeyBytes)
            {
                failures.Add($"DirectLine:TokenSigningKey must decode to at least {MinSigningKeyBytes} bytes.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("DirectLine:PublicBaseUrl must be an absolute http:// or https:// URL.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/" || !string.IsNullOrEmpty(parsed.Query)))
            {
                failures.Add($"DirectLine:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port]) or '*'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Guards an admin API: the caller must send the key configured in <typeparamref name="TOptions"/> in <c>X-Api-Key</c>
/// (compared in constant time); without a configured key the API doesn't exist (404) — except in Development, for
/// callers on this machine. Each feature has its own key, so a key for one admin API opens no other.
/// </summary>
internal sealed class AdminApiKeyFilter<TOptions>(IOptions<TOptions> options, IHostEnvironment environment, ILogger<AdminApiKeyFilter<TOptions>> logger) : IEndpointFilter
    where TOptions : class, IAdminApiKeyOptions
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[]? _keyHash = string.IsNullOrEmpty(options.Value.AdminApiKey) ? null : Hash(options.Value.AdminApiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (_keyHash is null)
        {
            return environment.IsDevelopment() && IsLocal(http) ? await next(context) : Results.NotFound();
        }

        var given = http.Request.Headers[HeaderName].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Hash(given), _keyHash))
        {
            logger.LogWarning("Admin API: rejected {Method} {Path} from {Remote} ({Reason})",
                http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress, given.Length == 0 ? "no key" : "wrong key");
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Send the admin API key in the {HeaderName} header.");
        }

        return await next(context);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    // The test server has no remote address; a real connection must come from this machine.
    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}

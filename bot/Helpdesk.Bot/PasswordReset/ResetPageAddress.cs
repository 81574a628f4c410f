using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Links;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>
/// The reset page's URL in links: <c>{PublicBaseUrl}/reset#{token}</c>, or the address the server listens on when
/// no public URL is set (local runs). The token rides in the fragment: browsers never send it to the server, so it
/// stays out of access logs, proxies and Referer headers; the page's script reads it and posts it.
/// </summary>
internal sealed class ResetPageAddress(PasswordResetOptions options, IServer server) : IResetPageAddress
{
    public const string Path = "/reset";

    public string UrlFor(string token) => BaseUrl() + Path + "#" + token;

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return options.PublicBaseUrl.TrimEnd('/');
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? "http://localhost:3978";
        return address.TrimEnd('/').Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
    }
}

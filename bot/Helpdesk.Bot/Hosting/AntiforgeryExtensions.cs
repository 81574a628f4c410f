namespace Helpdesk.Bot.Hosting;

/// <summary>
/// The one antiforgery configuration of the host. The options are global (one cookie, one header name), so every
/// feature with forms or browser POSTs (the reset page, the agent console) registers it through here rather than
/// configuring its own cookie path or header, which would break the others.
/// </summary>
internal static class AntiforgeryExtensions
{
    /// <summary>The request header that carries the antiforgery token on JSON POSTs from the bot's own pages.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>The antiforgery cookie (HttpOnly, SameSite=Strict, the whole site).</summary>
    public const string CookieName = "helpdesk.csrf";

    public static IServiceCollection AddHelpdeskAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.HeaderName = HeaderName;
            options.Cookie.Name = CookieName;
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
}

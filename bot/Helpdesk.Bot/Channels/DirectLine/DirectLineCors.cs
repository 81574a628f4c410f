using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Cross-origin access for pages on other origins (<see cref="DirectLineOptions.AllowedOrigins"/>; none by default):
/// answers the preflight Web Chat sends (<c>authorization, content-type, x-ms-bot-agent, x-requested-with</c>) and
/// marks responses for allowed origins. Credentials are bearer headers, never cookies.
/// </summary>
internal static class DirectLineCors
{
    public const string AllowedMethods = "GET, POST, OPTIONS";
    public const string DefaultAllowedHeaders = "authorization, content-type, x-ms-bot-agent, x-requested-with";

    public static RouteGroupBuilder MapDirectLineCors(this RouteGroupBuilder group)
    {
        group.MapMethods(DirectLineRoutes.Any, [HttpMethods.Options], Preflight);
        group.AddEndpointFilter(async (context, next) =>
        {
            AddHeaders(context.HttpContext);
            return await next(context);
        });
        return group;
    }

    /// <summary>The value for <c>Access-Control-Allow-Origin</c>, or null when the request's origin is not allowed.</summary>
    public static string? AllowedOrigin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.AllowedOrigins;
        if (allowed.Contains("*"))
        {
            return "*";
        }

        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) ? origin : null;
    }

    /// <summary>Answers a CORS preflight (the filter or <see cref="AddHeaders"/> adds the allowed origin).</summary>
    public static IResult Preflight(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AllowedOrigin(context) is not null)
        {
            var requested = context.Request.Headers[HeaderNames.AccessControlRequestHeaders].ToString();
            context.Response.Headers[HeaderNames.AccessControlAllowMethods] = AllowedMethods;
            context.Response.Headers[HeaderNames.AccessControlAllowHeaders] = requested.Length > 0 ? requested : DefaultAllowedHeaders;
            context.Response.Headers[HeaderNames.AccessControlMaxAge] = "600";
        }

        return Results.NoContent();
    }

    /// <summary>Marks the response for an allowed cross-origin caller; does nothing otherwise.</summary>
    public static void AddHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = AllowedOrigin(context);
        if (origin is not null)
        {
            context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = origin;
            if (origin != "*")
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            }
        }
    }
}

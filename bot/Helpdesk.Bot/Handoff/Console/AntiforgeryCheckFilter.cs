using Microsoft.AspNetCore.Antiforgery;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>
/// Rejects a console POST without a valid antiforgery token (the <c>X-CSRF-TOKEN</c> header or the form field, plus
/// the antiforgery cookie) with 400 problem details, before the handler runs.
/// </summary>
internal sealed class AntiforgeryCheckFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return await next(context);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Missing or invalid antiforgery token",
            detail: "Reload the console and try again.");
    }
}

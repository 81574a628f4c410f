using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Every failure an HTTP caller sees is RFC 9457 problem details: malformed input and oversized bodies are 400
/// with a clear title; an unexpected failure is 500 with no internals.
/// </summary>
internal static class ErrorHandlingExtensions
{
    /// <summary>Largest request body accepted (~256 KB), as the Bot Connector service enforces.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static IServiceCollection AddHelpdeskProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        return services;
    }

    public static WebApplication UseHelpdeskErrorHandling(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            return next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status400BadRequest : bad.StatusCode) : StatusCodes.Status500InternalServerError,
            ExceptionHandler = async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                var (title, detail) = feature?.Error switch
                {
                    BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                        ("Request body too large", $"The body exceeds the {MaxRequestBodyBytes / 1024} KB limit."),
                    BadHttpRequestException bad => ("Bad request", bad.Message),
                    _ => ("Unexpected error", "The request could not be completed. It has been logged; please retry."),
                };
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
                });
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}

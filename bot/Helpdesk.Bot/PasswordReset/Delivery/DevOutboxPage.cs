using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary><c>GET /dev/outbox</c> (Development only): the messages the bot would have sent, newest first.</summary>
internal static class DevOutboxPage
{
    public const string Route = "/dev/outbox";

    public static IEndpointRouteBuilder MapDevOutbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, (HttpContext context, DevOutbox outbox) =>
        {
            var html = new StringBuilder();
            html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\"><title>Development outbox</title>")
                .Append("<link rel=\"stylesheet\" href=\"/css/reset.css\"></head><body><main class=\"card wide\"><h1>Development outbox</h1>")
                .Append("<p class=\"muted\">E-mails and text messages the bot would have sent (Development only; nothing leaves this machine). Refreshes every 5 seconds.</p>");
            var messages = outbox.Messages;
            if (messages.Count == 0)
            {
                html.Append("<p>Nothing yet. Ask the bot to reset a password and choose <em>E-mail me a code</em>.</p>");
            }

            foreach (var message in messages)
            {
                html.Append("<article class=\"message\"><header><strong>").Append(Encode(message.Channel == Skills.PasswordReset.Delivery.DeliveryChannel.Sms ? "Text message" : "E-mail"))
                    .Append("</strong> to ").Append(Encode(message.To)).Append(" · ")
                    .Append(Encode(message.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(" UTC</header>");
                if (!string.IsNullOrEmpty(message.Subject))
                {
                    html.Append("<h2>").Append(Encode(message.Subject)).Append("</h2>");
                }

                html.Append("<pre>").Append(Encode(message.Body)).Append("</pre></article>");
            }

            html.Append("</main></body></html>");
            context.Response.Headers[HeaderNames.CacheControl] = "no-store";
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        });
        return endpoints;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

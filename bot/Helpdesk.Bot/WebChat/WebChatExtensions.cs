using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.WebChat;

/// <summary>Registers and maps the Web Chat page (<c>/</c>), its static assets and its token endpoint.</summary>
internal static class WebChatExtensions
{
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebChatOptions>()
            .Bind(builder.Configuration.GetSection(WebChatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WebChatPage>();
        return builder;
    }

    /// <summary>
    /// The page at <c>/</c> and the files under <c>wwwroot</c> (styles, script, the Web Chat bundle in
    /// <c>lib/</c>). Static files are served only where no endpoint matched, so the page template is never sent raw.
    /// </summary>
    public static WebApplication MapWebChatApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                WebChatSecurityHeaders.ApplyToAsset(context.Context.Response);
                context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        app.MapWebChatPage();
        return app;
    }
}

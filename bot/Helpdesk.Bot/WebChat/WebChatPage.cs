using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.WebChat;

/// <summary>
/// Renders the Web Chat page from the template <c>wwwroot/index.html</c>: <c>{{Name}}</c> placeholders are
/// replaced with HTML-encoded settings from <see cref="WebChatOptions"/> and the response's CSP nonce.
/// The template is read once; a template that names an unknown placeholder is a deployment error.
/// </summary>
internal sealed partial class WebChatPage(IOptions<WebChatOptions> options, IWebHostEnvironment environment)
{
    private readonly Lazy<string?> _template = new(() => ReadTemplate(environment));

    /// <summary>The page for one response, or <see langword="null"/> when the template is not deployed.</summary>
    public string? Render(string nonce)
    {
        var template = _template.Value;
        return template is null ? null : Render(template, options.Value, nonce);
    }

    /// <summary>Fills <paramref name="template"/> (pure; all values HTML-encoded).</summary>
    public static string Render(string template, WebChatOptions settings, string nonce)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var contact = settings.ServiceDeskContact?.Trim() ?? string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Title"] = settings.Title,
            ["Intro"] = settings.Intro,
            ["BrandColor"] = settings.BrandColor,
            ["BrandForeground"] = BrandPalette.ForegroundFor(settings.BrandColor),
            ["BrandDark"] = BrandPalette.Darken(settings.BrandColor, 0.2),
            ["BotAvatarInitials"] = settings.BotAvatarInitials,
            ["UserAvatarInitials"] = settings.UserAvatarInitials,
            ["ServiceDeskContact"] = contact,
            ["ServiceDeskContactHidden"] = contact.Length == 0 ? "hidden" : string.Empty,
            ["Nonce"] = nonce,
        };

        return Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? HtmlEncoder.Default.Encode(value)
            : throw new InvalidOperationException($"The Web Chat page template names an unknown placeholder '{match.Value}'."));
    }

    private static string? ReadTemplate(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(WebChatRoutes.TemplateFile);
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([A-Za-z]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

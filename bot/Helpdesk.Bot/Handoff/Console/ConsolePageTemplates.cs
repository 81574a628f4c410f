using System.Collections.Concurrent;
using System.Net;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>The console's HTML pages, embedded in the assembly (never served as static files), filled per response.</summary>
internal static class ConsolePageTemplates
{
    public const string Login = "login.html";
    public const string Console = "console.html";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The page with each <c>{{Key}}</c> replaced by the HTML-encoded value.</summary>
    public static string Render(string page, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var html = Cache.GetOrAdd(page, Load);
        foreach (var (key, value) in values)
        {
            html = html.Replace("{{" + key + "}}", WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        return html;
    }

    private static string Load(string page)
    {
        var name = typeof(ConsolePageTemplates).Namespace + ".Pages." + page;
        using var stream = typeof(ConsolePageTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The console page {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

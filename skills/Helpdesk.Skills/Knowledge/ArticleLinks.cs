using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// Links to the article pages (<c>/kb/{id}</c>). With <see cref="KnowledgeSettings.ArticleBaseUrl"/> set they are
/// absolute; otherwise, on the bot's own Direct Line channel (whose service URL the bot itself sets to
/// <c>{base}/v3/directline/</c>) they are absolute to that base, and else relative (a page on the bot's origin resolves them).
/// </summary>
public static class ArticleLinks
{
    /// <summary>The article page route prefix.</summary>
    public const string RoutePrefix = "/kb/";

    /// <summary>The path of the built-in Direct Line's service URL (<c>{base}/v3/directline/</c>).</summary>
    public const string DirectLineServicePath = "/v3/directline/";

    /// <summary>The page of article <paramref name="articleId"/> (each path segment escaped; ids of docs articles contain '/').</summary>
    public static string For(string articleId, Uri? baseUrl, string? channelId, string? serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        var path = RoutePrefix + string.Join('/', articleId.Split('/').Select(Uri.EscapeDataString));
        var root = baseUrl?.ToString()
            ?? (string.Equals(channelId, ChannelIds.Directline, StringComparison.Ordinal) ? BaseFromDirectLine(serviceUrl) : null);
        return root is null ? path : root.TrimEnd('/') + path;
    }

    private static string? BaseFromDirectLine(string? serviceUrl)
    {
        if (serviceUrl is null || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !uri.AbsolutePath.EndsWith(DirectLineServicePath, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var basePath = uri.AbsolutePath[..^DirectLineServicePath.Length];
        return uri.GetLeftPart(UriPartial.Authority) + basePath;
    }
}

namespace Helpdesk.Bot.WebChat;

/// <summary>Paths of the Web Chat page and its assets.</summary>
internal static class WebChatRoutes
{
    /// <summary>The page itself.</summary>
    public const string Page = "/";

    /// <summary>The same page under its file name (bookmarks, old links).</summary>
    public const string PageFile = "/index.html";

    /// <summary>The page template inside the web root (rendered, never served raw).</summary>
    public const string TemplateFile = "index.html";
}

using System.ComponentModel.DataAnnotations;

namespace Helpdesk.KnowledgeIndex;

/// <summary>Settings for hosting the knowledge index (bound from the <see cref="SectionName"/> configuration section).</summary>
public sealed class KnowledgeIndexOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "KnowledgeIndex";

    /// <summary>Directory holding the Lucene index.</summary>
    [Required(AllowEmptyStrings = false)]
    public string IndexPath { get; set; } = string.Empty;

    /// <summary>Article directories indexed on start and watched (empty: use the index as built by <c>kb index</c>).</summary>
    public IList<string> ArticleDirectories { get; } = [];

    /// <summary>Rebuild the index from <see cref="ArticleDirectories"/> when the host starts.</summary>
    public bool RebuildOnStart { get; set; } = true;

    /// <summary>Watch <see cref="ArticleDirectories"/> and rebuild when an article changes.</summary>
    public bool WatchArticles { get; set; }

    /// <summary>How often to pick up a commit made by another process (e.g. <c>kb index</c>), in seconds; 0 disables.</summary>
    [Range(0, 3600)]
    public int RefreshIntervalSeconds { get; set; } = 30;

    /// <summary>Quiet period after the last file change before a watch-triggered rebuild, in milliseconds.</summary>
    [Range(50, 60_000)]
    public int WatchDebounceMilliseconds { get; set; } = 500;
}

namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>Keys of the user data stored with each index commit.</summary>
public static class CommitDataKeys
{
    /// <summary>Index layout version.</summary>
    public const string SchemaVersion = "kb.schema";

    /// <summary>Number of articles indexed.</summary>
    public const string Articles = "kb.articles";

    /// <summary>When the build finished (ISO 8601, UTC).</summary>
    public const string BuiltAt = "kb.built-at";

    /// <summary>Article directories, separated by <see cref="Path.PathSeparator"/>.</summary>
    public const string Sources = "kb.sources";

    /// <summary>Build duration in milliseconds.</summary>
    public const string BuildMilliseconds = "kb.build-ms";

    /// <summary>The current schema version.</summary>
    public const string CurrentSchema = "2";
}

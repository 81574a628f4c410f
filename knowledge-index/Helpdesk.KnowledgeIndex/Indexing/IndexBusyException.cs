namespace Helpdesk.KnowledgeIndex.Indexing;

/// <summary>The index is locked by another writer.</summary>
public sealed class IndexBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IndexBusyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IndexBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IndexBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Helpdesk.Bot.Core.State;

/// <summary>A write lost an optimistic-concurrency race: the item changed (or appeared) since it was read.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException()
    {
    }

    public StorageConcurrencyException(string message)
        : base(message)
    {
    }

    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConcurrencyException(string key, string? expectedETag, string? actualETag)
        : base($"State item '{key}' was changed by another writer: expected ETag '{expectedETag ?? "(new item)"}', found '{actualETag ?? "(no item)"}'. Reload it and retry.")
    {
        Key = key;
    }

    /// <summary>The key whose write lost.</summary>
    public string? Key { get; }
}

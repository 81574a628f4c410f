namespace Helpdesk.Bot.Core.State;

/// <summary>The ETag rule shared by every <see cref="IStorage"/> implementation.</summary>
internal static class StorageConditions
{
    /// <summary>Throws when writing with <paramref name="expected"/> over an item whose ETag is <paramref name="actual"/> (null = absent).</summary>
    public static void Check(string key, string? expected, string? actual)
    {
        var ok = expected switch
        {
            StoreItem.AnyETag => true,
            null => actual is null,
            _ => string.Equals(expected, actual, StringComparison.Ordinal),
        };
        if (!ok)
        {
            throw new StorageConcurrencyException(key, expected, actual);
        }
    }

    public static string NewETag() => Guid.NewGuid().ToString("N");
}

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

    /// <summary>A random prefix per process, so ETags of different processes (or runs) never collide.</summary>
    private static readonly string ProcessPrefix = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    private static long _sequence;

    /// <summary>
    /// A new ETag: unique per process (a counter) and across processes (a random 64-bit prefix). Cheaper than a new
    /// GUID, which reads the kernel's random source every time; an ETag needs to be unique, not unguessable.
    /// </summary>
    public static string NewETag() => string.Create(null, stackalloc char[32], $"{ProcessPrefix}{Interlocked.Increment(ref _sequence):x16}");
}

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// Key/value storage for bot state with ETag optimistic concurrency.
/// On write, an item's <see cref="StoreItem.ETag"/> says what the writer last read:
/// <c>null</c> = the key must not exist yet; <c>"*"</c> = overwrite unconditionally; any other value = must equal
/// the stored ETag. A write whose condition fails throws <see cref="StorageConcurrencyException"/> and changes nothing.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the items that exist among <paramref name="keys"/>, each with its current ETag.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes all <paramref name="changes"/> atomically, or none if any ETag condition fails.
    /// Returns the new ETag of each written key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    /// <summary>Deletes <paramref name="keys"/>; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// A bag of named properties stored under one key per scope (conversation, user). Loaded once per turn,
/// cached in <see cref="ITurnContext.TurnState"/>, written back only when changed, with the ETag it was read with —
/// so a concurrent turn that saved first makes this save fail with <see cref="StorageConcurrencyException"/>.
/// <para>
/// The typed property values of a turn that saved (or found nothing to save) are kept with the ETag the store then
/// holds, and the next turn of that scope takes them instead of converting the stored JSON again, when the store
/// still returns that ETag, i.e. nobody changed the item since. They are taken out for the turn, so no two turns
/// share them, and put back only by a save that succeeds: a turn that throws or loses a race leaves nothing, and
/// the next turn reads the stored JSON.
/// </para>
/// </summary>
public abstract class BotState
{
    /// <summary>How many scopes' values are kept; past it the cache starts again (one JSON conversion more each).</summary>
    internal const int MaxKeptStates = 10_000;

    /// <summary>The serialized form of an empty state.</summary>
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly IStorage _storage;
    private readonly string _contextKey;
    private readonly ConcurrentDictionary<string, KeptValues> _kept = new(StringComparer.Ordinal);

    /// <summary>About how many entries <see cref="_kept"/> holds (its own Count takes every lock of the dictionary).</summary>
    private int _keptCount;

    protected BotState(IStorage storage, string contextKey)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _contextKey = contextKey;
    }

    /// <summary>
    /// True (the default): a turn's typed values are kept for the next turn of its scope (see the class remarks).
    /// False: every turn converts the stored JSON, so values read back are <see cref="JsonElement"/>s until read typed —
    /// what a turn after a restart, or after another writer's change, always sees.
    /// </summary>
    public bool KeepsValuesBetweenTurns { get; init; } = true;

    /// <summary>An accessor for the property <paramref name="name"/>.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Loads the state into the turn (once per turn unless <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(_contextKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken);
        var kept = TakeKept(key);
        CachedState cached;
        if (items.TryGetValue(key, out var item))
        {
            if (kept is not null && item.ETag is not null && string.Equals(kept.ETag, item.ETag, StringComparison.Ordinal))
            {
                cached = new CachedState(kept.Values);
            }
            else
            {
                // IStorage returns values that stay valid after the call, so the properties need no copies of their own.
                cached = new CachedState(new Dictionary<string, object?>(StringComparer.Ordinal));
                if (item.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in item.Value.EnumerateObject())
                    {
                        cached.Values[property.Name] = property.Value;
                    }
                }
            }

            // Keep the ETag even for a value that is not an object, so the next save replaces it instead of
            // failing as a create-only write forever.
            cached.ETag = item.ETag;
            cached.Snapshot = item.Value;
        }
        else
        {
            cached = new CachedState(new Dictionary<string, object?>(StringComparer.Ordinal));
        }

        turnContext.TurnState[_contextKey] = cached;
    }

    /// <summary>Writes the state if it changed during the turn (or always, with <paramref name="force"/>).</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!turnContext.TurnState.TryGetValue(_contextKey, out var value) || value is not CachedState cached)
        {
            return;
        }

        // Compared as UTF-8 bytes: the state is serialized once per turn and no text copy is made of it.
        var json = JsonSerializer.SerializeToElement(cached.Values, ActivitySerializer.Options);
        var key = GetStorageKey(turnContext);
        if (!force && !cached.Unknown && JsonMarshal.GetRawUtf8Value(json).SequenceEqual(cached.Snapshot is { } snapshot ? JsonMarshal.GetRawUtf8Value(snapshot) : EmptyObject))
        {
            Keep(key, cached);
            return;
        }

        var etags = await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(json, cached.ETag) }, cancellationToken);
        cached.ETag = etags.TryGetValue(key, out var etag) ? etag : cached.ETag;
        cached.Snapshot = json;
        cached.Unknown = false;
        Keep(key, cached);
    }

    /// <summary>
    /// Empties the state for this turn; the next save writes the empty state. If the state was loaded, that save is
    /// checked against the loaded ETag as usual; if it was not, nothing was read to conflict with, so the save
    /// overwrites whatever is stored.
    /// </summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(_contextKey, out var value) && value is CachedState cached)
        {
            Touch(cached).Values.Clear();
        }
        else
        {
            turnContext.TurnState[_contextKey] = new CachedState(new Dictionary<string, object?>(StringComparer.Ordinal)) { ETag = StoreItem.AnyETag, Unknown = true };
        }
    }

    /// <summary>Deletes the stored state of this scope.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextKey);
        var key = GetStorageKey(turnContext);
        TakeKept(key);
        await _storage.DeleteAsync([key], cancellationToken);
    }

    /// <summary>The storage key of this scope for the turn's activity.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<T?> GetPropertyAsync<T>(ITurnContext turnContext, string name, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        var cached = Touch((CachedState)turnContext.TurnState[_contextKey]);
        if (cached.Values.TryGetValue(name, out var raw))
        {
            switch (raw)
            {
                case T typed:
                    return typed;
                case JsonElement element:
                    var converted = element.Deserialize<T>(ActivitySerializer.Options);
                    cached.Values[name] = converted;
                    return converted;
                case null:
                    return default;
                default:
                    var copied = ActivitySerializer.ConvertPayload<T>(raw);
                    cached.Values[name] = copied;
                    return copied;
            }
        }

        if (defaultValueFactory is null)
        {
            return default;
        }

        var created = defaultValueFactory();
        cached.Values[name] = created;
        return created;
    }

    internal async Task SetPropertyAsync(ITurnContext turnContext, string name, object? value, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        Touch((CachedState)turnContext.TurnState[_contextKey]).Values[name] = value;
    }

    internal async Task DeletePropertyAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        Touch((CachedState)turnContext.TurnState[_contextKey]).Values.Remove(name);
    }

    /// <summary>Keeps this turn's values for the next turn of the scope (see the class remarks).</summary>
    private void Keep(string key, CachedState cached)
    {
        if (!KeepsValuesBetweenTurns || cached.ETag is not { } etag || etag == StoreItem.AnyETag)
        {
            return;
        }

        if (Volatile.Read(ref _keptCount) >= MaxKeptStates && !_kept.ContainsKey(key))
        {
            _kept.Clear();
            Volatile.Write(ref _keptCount, 0);
        }

        var kept = new KeptValues(key, etag, cached.Values);
        if (_kept.TryAdd(key, kept))
        {
            Interlocked.Increment(ref _keptCount);
        }
        else
        {
            _kept[key] = kept;
        }

        cached.Kept = kept;
    }

    /// <summary>
    /// The turn uses its state again after a save (a save in the middle of a turn): the kept values may change
    /// without being saved, so they are not kept any more.
    /// </summary>
    private CachedState Touch(CachedState cached)
    {
        if (cached.Kept is { } kept)
        {
            if (_kept.TryRemove(KeyValuePair.Create(kept.Key, kept)))
            {
                Interlocked.Decrement(ref _keptCount);
            }

            cached.Kept = null;
        }

        return cached;
    }

    private KeptValues? TakeKept(string key)
    {
        if (!_kept.TryRemove(key, out var kept))
        {
            return null;
        }

        Interlocked.Decrement(ref _keptCount);
        return kept;
    }

    private sealed record KeptValues(string Key, string ETag, Dictionary<string, object?> Values);

    private sealed class CachedState(Dictionary<string, object?> values)
    {
        public Dictionary<string, object?> Values { get; } = values;

        public string? ETag { get; set; }

        /// <summary>The value as read or last saved (null: nothing stored yet, i.e. the empty state).</summary>
        public JsonElement? Snapshot { get; set; }

        /// <summary>The state was never read, so it equals no stored value and the next save always writes.</summary>
        public bool Unknown { get; set; }

        /// <summary>What <see cref="Keep"/> kept of this turn's values, until the turn touches them again.</summary>
        public KeptValues? Kept { get; set; }
    }
}

using System.Runtime.InteropServices;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>
/// A bag of named properties stored under one key per scope (conversation, user). Loaded once per turn,
/// cached in <see cref="ITurnContext.TurnState"/>, written back only when changed, with the ETag it was read with —
/// so a concurrent turn that saved first makes this save fail with <see cref="StorageConcurrencyException"/>.
/// </summary>
public abstract class BotState
{
    /// <summary>The serialized form of an empty state.</summary>
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly IStorage _storage;
    private readonly string _contextKey;

    protected BotState(IStorage storage, string contextKey)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _contextKey = contextKey;
    }

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
        var cached = new CachedState();
        if (items.TryGetValue(key, out var item))
        {
            // IStorage returns values that stay valid after the call, so the properties need no copies of their own.
            if (item.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in item.Value.EnumerateObject())
                {
                    cached.Values[property.Name] = property.Value;
                }
            }

            // Keep the ETag even for a value that is not an object, so the next save replaces it instead of
            // failing as a create-only write forever.
            cached.ETag = item.ETag;
            cached.Snapshot = item.Value;
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
        if (!force && !cached.Unknown && JsonMarshal.GetRawUtf8Value(json).SequenceEqual(cached.Snapshot is { } snapshot ? JsonMarshal.GetRawUtf8Value(snapshot) : EmptyObject))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var etags = await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(json, cached.ETag) }, cancellationToken);
        cached.ETag = etags.TryGetValue(key, out var etag) ? etag : cached.ETag;
        cached.Snapshot = json;
        cached.Unknown = false;
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
            cached.Values.Clear();
        }
        else
        {
            turnContext.TurnState[_contextKey] = new CachedState { ETag = StoreItem.AnyETag, Unknown = true };
        }
    }

    /// <summary>Deletes the stored state of this scope.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    /// <summary>The storage key of this scope for the turn's activity.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<T?> GetPropertyAsync<T>(ITurnContext turnContext, string name, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        var cached = (CachedState)turnContext.TurnState[_contextKey];
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
        ((CachedState)turnContext.TurnState[_contextKey]).Values[name] = value;
    }

    internal async Task DeletePropertyAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        ((CachedState)turnContext.TurnState[_contextKey]).Values.Remove(name);
    }

    private sealed class CachedState
    {
        public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

        public string? ETag { get; set; }

        /// <summary>The value as read or last saved (null: nothing stored yet, i.e. the empty state).</summary>
        public JsonElement? Snapshot { get; set; }

        /// <summary>The state was never read, so it equals no stored value and the next save always writes.</summary>
        public bool Unknown { get; set; }
    }
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>Typed reads of persisted dialog state (instance state, waterfall values).</summary>
public static class DialogStateExtensions
{
    /// <summary>
    /// The value under <paramref name="key"/> as <typeparamref name="T"/>, or default when absent. A value that came back
    /// from storage as JSON is converted and stored back typed, so later changes to it in this turn are saved.
    /// </summary>
    public static T? GetValue<T>(this IDictionary<string, object?> values, string key)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(key);
        if (!values.TryGetValue(key, out var raw) || raw is null)
        {
            return default;
        }

        if (raw is T typed)
        {
            return typed;
        }

        var converted = ActivitySerializer.ConvertPayload<T>(raw);
        values[key] = converted;
        return converted;
    }
}

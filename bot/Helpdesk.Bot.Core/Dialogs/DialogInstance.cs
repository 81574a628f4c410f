namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// One running dialog on the stack: its id and its state. The state is saved as JSON with the conversation, so
/// values read back in a later turn are <see cref="System.Text.Json.JsonElement"/>s: read them with
/// <see cref="DialogStateExtensions.GetValue{T}"/>, which converts and keeps the typed value for the rest of the turn.
/// </summary>
public sealed class DialogInstance
{
    public DialogInstance()
    {
    }

    public DialogInstance(string id) => Id = id;

    /// <summary>The id of the dialog in its <see cref="DialogSet"/>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's persisted state.</summary>
    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

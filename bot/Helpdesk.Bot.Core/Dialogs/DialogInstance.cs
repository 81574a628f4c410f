namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// One running dialog on the stack: its id and its state. The state is saved as JSON with the conversation, so
/// values read back in a later turn are either the typed values the previous turn left (when this process saved
/// them and nobody changed them since, see <see cref="State.BotState"/>) or <see cref="System.Text.Json.JsonElement"/>s
/// (after a restart or another writer's change): read them with <see cref="DialogStateExtensions.GetValue{T}"/>,
/// which takes either and keeps the typed value.
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

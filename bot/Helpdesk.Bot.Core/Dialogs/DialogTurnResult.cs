namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>The outcome of a call into the dialog stack.</summary>
/// <param name="Status">Waiting, complete, cancelled or empty.</param>
/// <param name="Result">The result of the dialog that completed, if any.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);

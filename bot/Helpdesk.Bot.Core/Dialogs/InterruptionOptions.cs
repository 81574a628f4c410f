using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Core.Dialogs;

/// <summary>
/// The words of the global commands and what the bot answers to them. A command is recognised only when it is the
/// whole message (case and punctuation ignored): "help" interrupts, "I need help with Outlook" does not.
/// Bindable from configuration; note that binding a list adds to the defaults.
/// </summary>
public sealed class InterruptionOptions
{
    /// <summary>Words that show help and re-ask the current question.</summary>
    [Required]
    public IList<string> HelpWords { get; init; } = ["help", "?", "what can you do", "what can i say", "how does this work"];

    /// <summary>Words that cancel everything in progress.</summary>
    [Required]
    public IList<string> CancelWords { get; init; } = ["cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind", "forget it"];

    /// <summary>Words that cancel everything and start the main dialog again.</summary>
    [Required]
    public IList<string> StartOverWords { get; init; } = ["start over", "restart", "menu", "main menu", "begin again"];

    /// <summary>Sent on help, before the current question is asked again.</summary>
    [Required(AllowEmptyStrings = false)]
    public string HelpMessage { get; set; } =
        "I can help with common IT problems. Answer the question below, or say \"cancel\" to stop or \"start over\" to go back to the menu.";

    /// <summary>Sent after cancelling.</summary>
    [Required(AllowEmptyStrings = false)]
    public string CancelMessage { get; set; } = "Okay, I've cancelled that. Say \"menu\" whenever you want to start again.";

    /// <summary>Sent when the user cancels while nothing is in progress.</summary>
    [Required(AllowEmptyStrings = false)]
    public string NothingToCancelMessage { get; set; } = "There's nothing to cancel. Say \"menu\" to see what I can do.";

    /// <summary>Sent before the main dialog starts again; nothing is sent when empty.</summary>
    public string? StartOverMessage { get; set; } = "Okay, let's start over.";
}

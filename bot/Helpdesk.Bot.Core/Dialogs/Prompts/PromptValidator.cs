namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Decides whether a recognised answer is acceptable (true ends the prompt with it). A validator may send its own
/// message explaining the problem; the prompt then does not send its retry prompt in that turn.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// What a prompt ends with. <see cref="Succeeded"/> is false when the user used up the allowed attempts without a
/// valid answer: the calling dialog should then offer a way out (another channel, a human, starting over).
/// </summary>
/// <param name="Succeeded">True when a valid answer was given.</param>
/// <param name="Value">The recognised answer when <see cref="Succeeded"/>.</param>
/// <param name="Attempts">How many answers the user gave.</param>
public sealed record PromptResult<T>(bool Succeeded, T? Value, int Attempts);

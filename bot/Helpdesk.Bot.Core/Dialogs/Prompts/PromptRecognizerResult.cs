namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>What a prompt understood from the user's answer, before validation.</summary>
/// <param name="Succeeded">True when the answer had the expected shape (a number, a known choice…).</param>
/// <param name="Value">The recognised value.</param>
public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default);

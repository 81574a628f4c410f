namespace Helpdesk.Skills.LanguageModel;

/// <summary>A message to classify and the troubleshooting flows the bot has (part of the closed set).</summary>
/// <param name="Text">The user's message, redacted.</param>
/// <param name="Flows">The troubleshooting flows a <see cref="BotIntent.Troubleshoot"/> result may name.</param>
public sealed record IntentQuestion(string Text, IReadOnlyList<IntentFlow> Flows);

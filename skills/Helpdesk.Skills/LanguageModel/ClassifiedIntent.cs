namespace Helpdesk.Skills.LanguageModel;

/// <summary>A validated classification: one of the closed set, and for <see cref="BotIntent.Troubleshoot"/> one of the flows offered.</summary>
/// <param name="Intent">The intent.</param>
/// <param name="FlowId">The flow for <see cref="BotIntent.Troubleshoot"/>; null otherwise.</param>
public sealed record ClassifiedIntent(BotIntent Intent, string? FlowId = null);

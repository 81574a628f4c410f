namespace Helpdesk.Bot.LanguageModel;

/// <summary>A model's reply text and the tokens it used (when the endpoint reported them).</summary>
internal sealed record ModelReply(string Text, int? InputTokens, int? OutputTokens);

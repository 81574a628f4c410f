namespace Helpdesk.Skills.Knowledge;

/// <summary>A question no article answered confidently (the bot asked to rephrase or offered a person instead).</summary>
/// <param name="Query">The question (redacted).</param>
/// <param name="ChannelId">Where (webchat, msteams, slack…).</param>
/// <param name="BestConfidence">The best hit's confidence (0–1), below the threshold; null when nothing matched at all.</param>
/// <param name="AskedAt">When.</param>
public sealed record UnansweredQuestion(string Query, string ChannelId, double? BestConfidence, DateTimeOffset AskedAt);

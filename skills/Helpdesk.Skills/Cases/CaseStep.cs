using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Cases;

/// <summary>One thing the bot showed or asked, and the user's answer ("steps tried" for the agent).</summary>
/// <param name="Source">Who recorded it, e.g. "troubleshooting:vpn", "password-reset".</param>
/// <param name="Step">What was shown or asked, in the words the user saw.</param>
/// <param name="Answer">The user's answer (never a secret), or null for a step with no answer.</param>
/// <param name="At">When.</param>
public sealed record CaseStep(string Source, string Step, string? Answer, DateTimeOffset At) : IImmutableJsonValue;

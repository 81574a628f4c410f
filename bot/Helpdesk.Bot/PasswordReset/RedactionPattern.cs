namespace Helpdesk.Bot.PasswordReset;

/// <summary>A secret pattern a feature adds to the redactor (registered as a service; see the bot's redactor registration).</summary>
internal sealed record RedactionPattern(string Pattern);

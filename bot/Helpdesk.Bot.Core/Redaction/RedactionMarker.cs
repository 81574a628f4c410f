namespace Helpdesk.Bot.Core.Redaction;

/// <summary>What replaces a secret.</summary>
public static class RedactionMarker
{
    public const string Text = "[redacted]";
}

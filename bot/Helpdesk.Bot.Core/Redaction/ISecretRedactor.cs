namespace Helpdesk.Bot.Core.Redaction;

/// <summary>Scrubs secrets out of a piece of text.</summary>
public interface ISecretRedactor
{
    /// <summary><paramref name="text"/> with every secret in <paramref name="secrets"/> and every configured pattern replaced.</summary>
    string Redact(string text, TurnSecrets? secrets = null);
}

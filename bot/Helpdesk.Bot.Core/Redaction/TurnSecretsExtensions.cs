using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Redaction;

/// <summary>How dialogs mark secrets: <c>context.MarkSecret(link)</c>, <c>context.ExpectSecretReply()</c>.</summary>
public static class TurnSecretsExtensions
{
    /// <summary>Keeps <paramref name="value"/> out of transcripts, logs and handoff context (it is still sent to the user).</summary>
    public static void MarkSecret(this ITurnContext turnContext, string? value) => TurnSecrets.For(turnContext).Add(value);

    /// <summary>The user's next message answers a request for a secret (a code): it is never stored as typed.</summary>
    public static void ExpectSecretReply(this ITurnContext turnContext) => TurnSecrets.For(turnContext).ExpectSecretNextTurn = true;

    /// <summary>True when this turn's incoming message is a secret.</summary>
    public static bool InboundIsSecret(this ITurnContext turnContext) => TurnSecrets.Find(turnContext)?.InboundIsSecret == true;
}

using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Redaction;

/// <summary>
/// Carries "the next message is a secret" from the turn that asked for it to the turn that answers, through
/// conversation state. Place it after <see cref="AutoSaveStateMiddleware"/> (inside it), so the flag it sets is saved.
/// </summary>
public sealed class RedactionMiddleware(ConversationState conversationState) : IMiddleware
{
    /// <summary>The conversation-state property that holds the flag.</summary>
    public const string PropertyName = "Helpdesk.ExpectSecret";

    private readonly IStatePropertyAccessor<bool> _expectSecret = conversationState.CreateProperty<bool>(PropertyName);

    /// <summary>
    /// True when the conversation's next message answers a request for a secret — for a channel that stores the
    /// message before its turn runs (Direct Line), so it can store the redacted copy from the start.
    /// </summary>
    public static async Task<bool> IsSecretReplyExpectedAsync(IStorage storage, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var key = ConversationState.StorageKey(channelId, conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item)
            && item.Value.ValueKind == System.Text.Json.JsonValueKind.Object
            && item.Value.TryGetProperty(PropertyName, out var flag)
            && flag.ValueKind == System.Text.Json.JsonValueKind.True;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var secrets = TurnSecrets.For(turnContext);
        if (turnContext.Activity.IsType(Schema.ActivityTypes.Message) && await _expectSecret.GetAsync(turnContext, null, cancellationToken))
        {
            secrets.InboundIsSecret = true;
            await _expectSecret.DeleteAsync(turnContext, cancellationToken);
        }

        await next(cancellationToken);

        if (secrets.ExpectSecretNextTurn)
        {
            await _expectSecret.SetAsync(turnContext, true, cancellationToken);
        }
    }
}

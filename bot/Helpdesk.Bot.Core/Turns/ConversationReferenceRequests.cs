namespace Helpdesk.Bot.Core.Turns;

/// <summary>
/// A turn's request that the host keep how to reach this conversation later, because the bot just promised to write
/// here again (an incident update, an agent's reply). Channel-neutral: a skill calls
/// <see cref="KeepConversationReference"/>; the host's conversation-reference middleware saves the reference — with the
/// adapter it came through — when the turn ends.
/// </summary>
public static class ConversationReferenceRequests
{
    private const string TurnStateKey = "Helpdesk.KeepConversationReference";

    /// <summary>Asks the host to keep this conversation's reference for proactive messages.</summary>
    public static void KeepConversationReference(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[TurnStateKey] = true;
    }

    /// <summary>True when something in this turn asked for the conversation's reference to be kept.</summary>
    public static bool IsConversationReferenceRequested(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.ContainsKey(TurnStateKey);
    }
}

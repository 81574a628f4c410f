namespace Helpdesk.Bot.Channels.Teams;

/// <summary>Names fixed by Microsoft Teams' bot platform (conversation types, invokes, Universal Actions, error codes).</summary>
internal static class TeamsProtocol
{
    /// <summary><c>conversation.conversationType</c> values.</summary>
    public const string PersonalConversation = "personal";
    public const string GroupChatConversation = "groupChat";
    public const string ChannelConversation = "channel";

    /// <summary>Teams shows at most three suggested actions (learn.microsoft.com, "Suggested actions").</summary>
    public const int MaxSuggestedActions = 3;

    /// <summary>Buttons per <c>ActionSet</c> in the choice cards the bot renders (Teams' host config allows six).</summary>
    public const int MaxActionsPerSet = 6;

    /// <summary>The invoke an <c>Action.Execute</c> (Universal Actions) or a card refresh sends.</summary>
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary><c>value.trigger</c> of an adaptiveCard/action invoke: a click, or the card's automatic refresh.</summary>
    public const string ManualTrigger = "manual";
    public const string AutomaticTrigger = "automatic";

    /// <summary>The <c>type</c> of an adaptiveCard/action response body: a card that replaces the clicked one, a toast text, an error.</summary>
    public const string AdaptiveCardResponseType = "application/vnd.microsoft.card.adaptive";
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";
    public const string ErrorResponseType = "application/vnd.microsoft.error";

    /// <summary>
    /// The <c>Action.Execute</c> verb of the bot's own choice buttons: the data carries the answer (see
    /// <see cref="Cards.CardSubmitText"/>); the bot runs it as the user's message and answers with the card refreshed.
    /// </summary>
    public const string ChoiceVerb = "helpdesk.choice";

    /// <summary>Bot Connector error codes that mean the bot can no longer write to a conversation.</summary>
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";
    public const string ConversationNotFound = "ConversationNotFound";
    public const string MessageWritesBlocked = "MessageWritesBlocked";
    public const string BotDisabledByAdmin = "BotDisabledByAdmin";
}

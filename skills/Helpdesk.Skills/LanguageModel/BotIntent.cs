namespace Helpdesk.Skills.LanguageModel;

/// <summary>The bot's closed set of intents (what a classified message can be routed to).</summary>
public enum BotIntent
{
    /// <summary>Nothing the bot has a dialog for: the offline path answers.</summary>
    Other,

    /// <summary>Reset a forgotten or expired password (the password reset dialog, with its verification).</summary>
    PasswordReset,

    /// <summary>Unlock a locked account (the same dialog, unlock mode).</summary>
    AccountUnlock,

    /// <summary>One of the troubleshooting flows (named by <see cref="ClassifiedIntent.FlowId"/>), after the user confirms.</summary>
    Troubleshoot,

    /// <summary>A question for the help articles.</summary>
    KnowledgeQuestion,

    /// <summary>The user wants a person.</summary>
    TalkToPerson,
}

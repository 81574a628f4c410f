namespace Helpdesk.Skills.Cases;

/// <summary>Why the conversation goes to a person.</summary>
public enum EscalationTrigger
{
    /// <summary>The user asked for a person.</summary>
    UserAsked,

    /// <summary>A troubleshooting flow ended in <c>escalate</c>.</summary>
    FlowEscalated,

    /// <summary>Identity verification failed or was not possible (no method, directory down).</summary>
    VerificationFailed,

    /// <summary>The knowledge base did not help.</summary>
    KnowledgeNotHelpful,

    /// <summary>The user is frustrated.</summary>
    Frustration,

    /// <summary>The bot failed.</summary>
    BotError,
}

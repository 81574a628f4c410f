namespace Helpdesk.Skills.Knowledge;

/// <summary>Conversation state: questions in a row the knowledge base had no confident answer for, and what they were.</summary>
public sealed class KnowledgeMisses
{
    public int Count { get; set; }

    /// <summary>The unanswered questions (redacted), for the agent if the user then asks for a person.</summary>
    public List<string> Queries { get; set; } = [];
}

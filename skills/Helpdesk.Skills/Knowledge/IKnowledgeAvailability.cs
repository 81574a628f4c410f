namespace Helpdesk.Skills.Knowledge;

/// <summary>Whether the knowledge index can answer yet (false only while the very first index is being built).</summary>
public interface IKnowledgeAvailability
{
    bool IsAvailable { get; }
}

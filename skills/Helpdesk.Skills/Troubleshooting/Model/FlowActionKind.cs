namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>The built-in actions (the <c>action</c> of an action node).</summary>
public enum FlowActionKind
{
    /// <summary><c>search_kb</c>: search the knowledge base with <c>query</c>, show the best articles, ask whether one solved it.</summary>
    SearchKnowledge,

    /// <summary><c>check_incidents</c>: tell the user about an active incident for the services, instead of troubleshooting it.</summary>
    CheckIncidents,

    /// <summary><c>lookup_user</c>: look the user up in the directory and capture department and device facts.</summary>
    LookupUser,

    /// <summary><c>escalate</c>: create a ticket and hand over (the same as an <c>escalate</c> outcome).</summary>
    Escalate,
}

namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>One answer of a question node.</summary>
/// <param name="Label">The button text (also what a typed answer is matched against).</param>
/// <param name="Next">The node it leads to.</param>
/// <param name="Synonyms">Other ways people say it.</param>
/// <param name="Location">Where the choice is written.</param>
public sealed record FlowChoice(string Label, string Next, IReadOnlyList<string> Synonyms, SourceLocation Location);

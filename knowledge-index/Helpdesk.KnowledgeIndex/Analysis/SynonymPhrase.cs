namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>A synonym phrase (analyzed words, first word included) and the canonical terms it adds.</summary>
internal sealed record SynonymPhrase(string[] Words, string[] Canonicals);

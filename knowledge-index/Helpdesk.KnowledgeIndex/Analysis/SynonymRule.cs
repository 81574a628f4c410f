namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>One equivalence class: every variant is indexed and searched together with the canonical term.</summary>
/// <param name="Canonical">A single-word term added next to every variant (e.g. "vpn").</param>
/// <param name="Variants">Words or phrases meaning the same (e.g. "virtual private network").</param>
/// <param name="Line">1-based line in the synonym file.</param>
public sealed record SynonymRule(string Canonical, IReadOnlyList<string> Variants, int Line);

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// Reads synonym rules, one class per line: <c>canonical, variant, variant phrase</c> (<c>#</c> starts a comment).
/// Each variant maps to the canonical term with the original kept, so both are indexed at the same position and a
/// query using any variant meets documents using any other. The canonical term must be a single word.
/// </summary>
internal sealed class SynonymRuleParser(Analyzer preSynonymAnalyzer) : SynonymMap.Parser(dedup: true, preSynonymAnalyzer)
{
    private readonly List<SynonymRule> _rules = [];

    /// <summary>The rules read so far.</summary>
    public IReadOnlyList<SynonymRule> Rules => _rules;

    /// <summary>Parses rules text into this builder.</summary>
    /// <exception cref="FormatException">A rule is malformed (message names the line).</exception>
    public override void Parse(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var text = (hash >= 0 ? line[..hash] : line).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"synonym line {lineNumber}: expected 'canonical, variant[, variant...]'");
            }

            var canonical = Analyze(parts[0], new CharsRef());
            if (canonical.ToString().Contains(SynonymMap.WORD_SEPARATOR, StringComparison.Ordinal))
            {
                throw new FormatException($"synonym line {lineNumber}: the canonical term '{parts[0]}' must be a single word");
            }

            foreach (var variant in parts[1..])
            {
                var analyzed = Analyze(variant, new CharsRef());
                if (!analyzed.Equals(canonical))
                {
                    Add(analyzed, canonical, includeOrig: true);
                }
            }

            _rules.Add(new SynonymRule(canonical.ToString(), parts[1..], lineNumber));
        }
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>
/// Reads synonym rules, one class per line: <c>canonical, variant, variant phrase</c> (<c>#</c> starts a comment).
/// Each variant maps to the canonical term with the original kept, so both are indexed at the same position and a
/// query using any variant meets documents using any other. The canonical term must be a single word. Words are
/// analyzed with the first stage of the analyzer (tokenize, possessives, lower case, ASCII folding), so rules
/// match the tokens <see cref="PhraseSynonymFilter"/> sees.
/// </summary>
internal sealed class SynonymRuleParser(Analyzer preSynonymAnalyzer)
{
    private readonly List<SynonymRule> _rules = [];
    private readonly SynonymTable.Builder _table = new();

    /// <summary>The rules read so far.</summary>
    public IReadOnlyList<SynonymRule> Rules => _rules;

    /// <summary>Parses rules text.</summary>
    /// <exception cref="FormatException">A rule is malformed (message names the line).</exception>
    public void Parse(TextReader input)
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

            var canonical = Analyze(parts[0]);
            if (canonical.Count != 1)
            {
                throw new FormatException($"synonym line {lineNumber}: the canonical term '{parts[0]}' must be a single word");
            }

            foreach (var variant in parts[1..])
            {
                var words = Analyze(variant);
                if (words.Count == 0)
                {
                    throw new FormatException($"synonym line {lineNumber}: the variant '{variant}' has no words");
                }

                if (words.Count > 1 || words[0] != canonical[0])
                {
                    _table.Add(words, canonical[0]);
                }
            }

            _rules.Add(new SynonymRule(canonical[0], parts[1..], lineNumber));
        }
    }

    /// <summary>The lookup built from the rules read.</summary>
    public SynonymTable Build() => _table.Build();

    private List<string> Analyze(string text)
    {
        var words = new List<string>();
        using var stream = preSynonymAnalyzer.GetTokenStream(string.Empty, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>The curated IT synonym map shipped with the library (resource <c>it-synonyms.txt</c>).</summary>
public sealed class ItSynonyms
{
    private const string ResourceName = "Helpdesk.KnowledgeIndex.it-synonyms.txt";
    private static readonly Lazy<ItSynonyms> Shared = new(() => FromText(ReadResource()));

    private ItSynonyms(SynonymTable table, IReadOnlyList<SynonymRule> rules)
    {
        Table = table;
        Rules = rules;
    }

    /// <summary>The built-in map (built once, immutable, thread-safe).</summary>
    public static ItSynonyms Default => Shared.Value;

    /// <summary>The phrase lookup the analyzer uses.</summary>
    internal SynonymTable Table { get; }

    /// <summary>The rules as written.</summary>
    public IReadOnlyList<SynonymRule> Rules { get; }

    /// <summary>Builds a map from rules text (see <see cref="SynonymRuleParser"/> for the format).</summary>
    /// <exception cref="FormatException">A rule is malformed.</exception>
    public static ItSynonyms FromText(string rules)
    {
        using var analyzer = new PreSynonymAnalyzer();
        var parser = new SynonymRuleParser(analyzer);
        parser.Parse(new StringReader(rules));
        return new ItSynonyms(parser.Build(), parser.Rules);
    }

    private static string ReadResource()
    {
        using var stream = typeof(ItSynonyms).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

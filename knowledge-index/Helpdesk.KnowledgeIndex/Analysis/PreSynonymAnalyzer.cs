using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace Helpdesk.KnowledgeIndex.Analysis;

/// <summary>The first stage of <see cref="KnowledgeAnalyzer"/> (tokenize, possessives, lower case, ASCII folding), used to read synonym rules.</summary>
internal sealed class PreSynonymAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(KnowledgeAnalyzer.Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(KnowledgeAnalyzer.Version, source);
        stream = new LowerCaseFilter(KnowledgeAnalyzer.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

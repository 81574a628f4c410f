using Helpdesk.KnowledgeIndex.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Helpdesk.KnowledgeIndex.Tests.Analysis;

public sealed class KnowledgeAnalyzerTests
{
    [Theory]
    [InlineData("virtual private network", "vpn")]
    [InlineData("VPN", "vpn")]
    [InlineData("wi-fi", "wifi")]
    [InlineData("Wireless", "wifi")]
    [InlineData("2FA", "mfa")]
    [InlineData("two-factor authentication", "mfa")]
    [InlineData("multi factor", "mfa")]
    [InlineData("pw", "password")]
    [InlineData("O365", "m365")]
    [InlineData("Office 365", "m365")]
    [InlineData("laptop", "comput")]
    [InlineData("PC", "comput")]
    [InlineData("log in", "signin")]
    [InlineData("e-mail", "email")]
    public void Analyze_SynonymVariant_AddsCanonicalTerm(string text, string expected)
    {
        Assert.Contains(expected, Terms(text));
    }

    [Fact]
    public void Analyze_SynonymVariant_KeepsTheTypedWordToo()
    {
        var terms = Terms("laptop");

        Assert.Contains("laptop", terms);
        Assert.Contains("comput", terms);
    }

    [Theory]
    [InlineData("connecting", "connect")]
    [InlineData("connections", "connect")]
    [InlineData("printers", "printer")]
    [InlineData("crashed", "crash")]
    public void Analyze_InflectedWord_IsStemmed(string text, string expected)
    {
        Assert.Contains(expected, Terms(text));
    }

    [Fact]
    public void Analyze_AccentedWord_IsFoldedToAscii()
    {
        Assert.Equal(["cafe", "resum"], Terms("Café résumé"));
    }

    [Fact]
    public void Analyze_StopWordsAndCasualWords_AreRemoved()
    {
        Assert.Equal(["outlook", "crash"], Terms("hi, my Outlook keeps crashing please help"));
    }

    [Fact]
    public void Analyze_Possessive_IsRemoved()
    {
        Assert.Equal(["user", "mailbox"], Terms("user's mailbox"));
    }

    [Fact]
    public void Synonyms_MultiWordCanonical_IsRejectedWithLine()
    {
        var ex = Assert.Throws<FormatException>(() => ItSynonyms.FromText("# comment\nrecovery key, bitlocker key\n"));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synonyms_BuiltInFile_Loads()
    {
        Assert.True(ItSynonyms.Default.Rules.Count >= 30);
        Assert.Contains(ItSynonyms.Default.Rules, r => r.Canonical == "vpn" && r.Variants.Contains("virtual private network"));
    }

    private static List<string> Terms(string text)
    {
        using var analyzer = new KnowledgeAnalyzer();
        using var stream = analyzer.GetTokenStream("body", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

using Helpdesk.KnowledgeIndex.Tests.Support;

namespace Helpdesk.KnowledgeIndex.Tests.Search;

public sealed class LuceneSyntaxTests(OwnKnowledgeBaseFixture fixture) : IClassFixture<OwnKnowledgeBaseFixture>
{
    public static TheoryData<string> Hostile =>
    [
        "\"(vpn", "a AND OR", "\\", "\\\\", "title:", "*", "~~", "\"unbalanced", "vpn)", "((((", "[1 TO", "{x TO y}",
        "body:vpn^10", "+ - && || !", "outlook~2", "pass*", "?", "/regex/", "NOT", "AND", "OR OR OR", ":", "^", "\"\"",
        "id:*", "title:(a OR b", "a\\", "\u0000", "🙂 vpn", "‘smart quotes’ “vpn”", "vpn\r\nprinter\tlocked",
        new string('a', 5000), string.Join(' ', Enumerable.Repeat("outlook", 500)),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Search_LuceneSyntaxInUserText_NeverThrows(string query)
    {
        var results = fixture.KnowledgeBase.Search(query, 5);
        var ranked = fixture.KnowledgeBase.Rank(query, 5);

        Assert.True(results.Count <= 5);
        Assert.Equal(results.Count, ranked.Count);
    }

    [Fact]
    public void Search_SyntaxCharactersAroundWords_StillFindTheWords()
    {
        var results = fixture.KnowledgeBase.Search("title:(bitlocker AND \"recovery key\"~2)^3", 3);

        Assert.Equal("bitlocker-recovery-key", results[0].Id);
    }

    [Fact]
    public void Search_RandomPunctuationFuzz_NeverThrows()
    {
        const string alphabet = "()[]{}\"'\\/:^~*?+-!&|<>= abcvpnoutlk0123456789";
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var query = new string(chars);

            var exception = Record.Exception(() => fixture.KnowledgeBase.Search(query, 3));

            Assert.Null(exception);
        }
    }
}

using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

public sealed class QuerySpellingTests
{
    private static readonly QuerySpelling Spelling = QuerySpelling.From(
    [
        SemanticArticles.Article("outlook", "Outlook won't open", "Outlook does not start.", "Start Outlook in safe mode. Outlook outlook outlook. Receive and send. Receive."),
        SemanticArticles.Article("onedrive", "OneDrive sync pending", "OneDrive is stuck.", "Restart OneDrive. Pause and resume sync. Your calendar and your profile."),
        SemanticArticles.Article("outbox", "Stuck in Outbox", "Mail stays in the Outbox.", "Check the outbox. Outlet. Calendars."),
    ]);

    [Theory]
    [InlineData("outlok wont open on startup", "outlook won't open on startup")]
    [InlineData("recieve emails on iphone", "receive emails on iphone")]
    [InlineData("onedirve sync pending forever", "onedrive sync pending forever")]
    [InlineData("Outlok keeps crashing", "outlook keeps crashing")]
    [InlineData("i cant sign in and it doesnt work", "i can't sign in and it doesn't work")]
    [InlineData("im locked out", "I'm locked out")]
    public void Correct_MisspeltWordOrBareContraction_IsRepaired(string typed, string expected)
    {
        Assert.Equal(expected, Spelling.Correct(typed));
    }

    [Theory]
    [InlineData("outlook won't open")]
    [InlineData("calendar sync")]
    [InlineData("printer offline")]
    [InlineData("vpn")]
    [InlineData("win11 outlok-addin")]
    [InlineData("")]
    public void Correct_KnownShortOrJoinedWords_AreLeftAsTyped(string typed)
    {
        Assert.Same(typed, Spelling.Correct(typed));
    }

    [Fact]
    public void Correct_SeveralCandidatesWithinOneEdit_PicksTheMostFrequentArticleWord()
    {
        // "outlo" + one letter: "outlook" (6 times in the articles) beats "outlet" (once) at one edit each.
        Assert.Equal("outlook", QuerySpelling.From([SemanticArticles.Article("a", "Outlet", "Outlet.", "Outlook outlook outlook outlook.")]).Correct("outlok"));
    }

    [Fact]
    public void Correct_OnlyCandidateStartsWithAnotherLetter_IsLeftAsTyped()
    {
        Assert.Equal("zutlook", Spelling.Correct("zutlook"));
    }

    [Fact]
    public void Correct_LongWordTwoEditsAway_IsRepairedButShortWordIsNot()
    {
        Assert.Equal("calendars", Spelling.Correct("calandars"));
        Assert.Equal("rezme", Spelling.Correct("rezme"));
        Assert.Equal("resume", Spelling.Correct("resme"));
    }

    [Fact]
    public void Correct_WordTheModelKnowsButNoArticleUses_IsLeftAsTyped()
    {
        var articles = new[] { SemanticArticles.Article("a", "Look here", "Look.", "Look, look and look.") };

        Assert.Equal("teams login look", QuerySpelling.From(articles).Correct("teams login loop"));
        Assert.Equal("teams login loop", QuerySpelling.From(articles, new HashSet<string> { "loop" }).Correct("teams login loop"));
    }

    [Fact]
    public void Correct_EmptyVocabulary_RepairsContractionsOnly()
    {
        Assert.Equal("can't outlok", QuerySpelling.Empty.Correct("cant outlok"));
    }

    [Theory]
    [InlineData("outlook", "outlok", 1, 1)]
    [InlineData("receive", "recieve", 1, 1)]
    [InlineData("calendar", "calandar", 2, 1)]
    [InlineData("calendars", "calandar", 2, 2)]
    [InlineData("abc", "xyz", 1, 2)]
    [InlineData("same", "same", 0, 0)]
    public void EditDistance_WithLimit_CountsEditsOrLimitPlusOne(string a, string b, int limit, int expected)
    {
        Assert.Equal(expected, QuerySpelling.EditDistance(a, b, limit));
    }
}

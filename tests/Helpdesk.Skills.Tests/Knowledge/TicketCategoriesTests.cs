using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class TicketCategoriesTests
{
    [Theory]
    [InlineData("Network and remote access", new[] { "vpn", "certificate" }, "network/vpn")]
    [InlineData("Email and calendar", new[] { "outlook" }, "email/outlook")]
    [InlineData("Printing", new[] { "printer" }, "printing/printer")]
    [InlineData("Outlook Client", new[] { "Outlook 2016", "Outlook 2019" }, "outlook-client/outlook-2016")]
    [InlineData(null, new string[0], "general")]
    [InlineData("Security", new[] { "security" }, "security")]
    public void For_Article_AreaAndTopic(string? category, string[] tags, string expected) =>
        Assert.Equal(expected, TicketCategories.For(new KnowledgeArticle("id", "id.md", "T", "S", tags, category, [], null, null, null, "x", ArticleFormat.Native, null)));
}

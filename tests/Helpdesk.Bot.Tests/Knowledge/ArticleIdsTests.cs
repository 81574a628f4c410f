using Helpdesk.Bot.Knowledge;

namespace Helpdesk.Bot.Tests.Knowledge;

public sealed class ArticleIdsTests
{
    [Theory]
    [InlineData("vpn-wont-connect")]
    [InlineData("OfficeDocs-Support/Outlook/Client/user-interface/can't-search-additional-mailbox")]
    [InlineData("OfficeDocs-Support/Outlook/Client/user-interface/no-desktop-alerts-(toast-notifications)-if-missing-start-menu-shortcut")]
    [InlineData("OfficeDocs-Support/Microsoft365/enterprise/miscellaneous/cannot-find-any-clip art")]
    [InlineData("OfficeDocs-Support/Teams/teams-conferencing/give-control-doesn’t-work-sharescreen")]
    public void IsValid_RealIds_True(string id) => Assert.True(ArticleIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../appsettings.json")]
    [InlineData("a/../../b")]
    [InlineData("a/./b")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("..\\..\\windows")]
    [InlineData("a%2F..%2Fb")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("C:/windows")]
    [InlineData(" leading-space")]
    public void IsValid_PathLike_False(string? id) => Assert.False(ArticleIds.IsValid(id));

    [Fact]
    public void IsValid_TooLong_False() => Assert.False(ArticleIds.IsValid(new string('a', ArticleIds.MaxLength + 1)));
}

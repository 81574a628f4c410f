using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class QuestionKeyTests
{
    [Theory]
    [InlineData("VPN broken?!", "vpn broken")]
    [InlineData("  vpn \t  broken  ", "vpn broken")]
    [InlineData("vpn broken.", "vpn broken")]
    [InlineData("Why is my VPN broken ?", "why is my vpn broken")]
    [InlineData("???", "")]
    [InlineData("", "")]
    public void For_CaseSpacesAndTrailingPunctuation_Ignored(string question, string key) =>
        Assert.Equal(key, QuestionKey.For(question));

    [Fact]
    public void For_DifferentWording_DifferentKeys() =>
        Assert.NotEqual(QuestionKey.For("vpn broken"), QuestionKey.For("vpn is broken"));

    [Theory]
    [InlineData("word ")]
    [InlineData("wor ")]
    [InlineData("xxxxx")]
    public void For_VeryLongQuestion_CutWithinMaxLength(string part)
    {
        var key = QuestionKey.For(string.Concat(Enumerable.Repeat(part, 100)));

        Assert.InRange(key.Length, QuestionKey.MaxLength - 4, QuestionKey.MaxLength);
        Assert.False(key.EndsWith(' '), "no trailing space");
    }
}

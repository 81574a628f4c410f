using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("outlok", "outlook", 1, true)]
    [InlineData("yse", "yes", 1, true)]
    [InlineData("certifcat", "certif", 2, false)]
    [InlineData("printr", "printer", 1, true)]
    [InlineData("vpn", "vpn", 0, true)]
    [InlineData("wrke", "work", 1, false)]
    [InlineData("recip", "recipi", 1, true)]
    [InlineData("abc", "xyz", 2, false)]
    public void AtMost_Words(string a, string b, int max, bool expected) => Assert.Equal(expected, EditDistance.AtMost(a, b, max));
}

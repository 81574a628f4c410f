using Helpdesk.Bot.WebChat;

namespace Helpdesk.Bot.Tests.WebChat;

public sealed class BrandPaletteTests
{
    [Theory]
    [InlineData("#0f6cbd", "#ffffff")]
    [InlineData("#000000", "#ffffff")]
    [InlineData("#ffcc00", "#1b1b1b")]
    [InlineData("#ffffff", "#1b1b1b")]
    public void ForegroundFor_BrandColour_PicksTheMoreReadableText(string brand, string expected)
    {
        Assert.Equal(expected, BrandPalette.ForegroundFor(brand));
    }

    [Fact]
    public void Darken_ByFifth_ScalesEachChannel()
    {
        Assert.Equal("#0c5697", BrandPalette.Darken("#0f6cbd", 0.2));
        Assert.Equal("#000000", BrandPalette.Darken("#abcdef", 1));
        Assert.Equal("#abcdef", BrandPalette.Darken("#abcdef", 0));
    }

    [Theory]
    [InlineData("0f6cbd")]
    [InlineData("#0f6cb")]
    [InlineData("#0g6cbd")]
    public void ForegroundFor_NotAColour_Throws(string value)
    {
        Assert.Throws<FormatException>(() => BrandPalette.ForegroundFor(value));
    }
}

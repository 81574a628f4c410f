using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    [InlineData(" 7 ", 7)]
    public void Parse_DelaySeconds_ReturnsThatDelay(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), BotFrameworkRetryAfter.Parse(value, Now));
    }

    [Fact]
    public void Parse_HttpDateInTheFuture_ReturnsTimeUntilThen()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), BotFrameworkRetryAfter.Parse("Mon, 02 Jun 2025 09:01:30 GMT", Now));
    }

    [Fact]
    public void Parse_HttpDateInThePast_ReturnsZero()
    {
        Assert.Equal(TimeSpan.Zero, BotFrameworkRetryAfter.Parse("Mon, 02 Jun 2025 08:00:00 GMT", Now));
    }

    [Fact]
    public void Parse_ObsoleteRfc850Date_IsUnderstood()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), BotFrameworkRetryAfter.Parse("Monday, 02-Jun-25 09:00:30 GMT", Now));
    }

    [Fact]
    public void Parse_HugeDelay_IsReturnedAsMaximum()
    {
        Assert.Equal(TimeSpan.MaxValue, BotFrameworkRetryAfter.Parse("99999999999999999999999", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("2025-06-02T09:01:30Z")]
    public void Parse_InvalidValue_ReturnsNull(string? value)
    {
        Assert.Null(BotFrameworkRetryAfter.Parse(value, Now));
    }

    [Fact]
    public void From_ResponseWithRetryAfterHeader_ReadsIt()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "3");

        Assert.Equal(TimeSpan.FromSeconds(3), BotFrameworkRetryAfter.From(response, Now));
    }

    [Fact]
    public void From_ResponseWithoutRetryAfter_ReturnsNull()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);

        Assert.Null(BotFrameworkRetryAfter.From(response, Now));
    }
}

using System.Text;
using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkActivityReaderTests
{
    private const string Valid = """
        {"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",
         "conversation":{"id":"19:abc@thread.tacv2;messageid=123"},"from":{"id":"29:u"},"recipient":{"id":"28:b"},
         "text":"hi","someFutureField":{"kept":true}}
        """;

    [Fact]
    public void Read_ValidTeamsActivity_ReturnsItWithUnknownFieldsKept()
    {
        var result = BotFrameworkActivityReader.Read(Encoding.UTF8.GetBytes(Valid));

        Assert.Null(result.Error);
        Assert.Equal("hi", result.Activity?.Text);
        Assert.True(result.Activity?.Properties?.ContainsKey("someFutureField"));
    }

    [Fact]
    public void Read_TypeInOtherCase_IsAccepted()
    {
        var result = BotFrameworkActivityReader.Read(Encoding.UTF8.GetBytes(Valid.Replace("\"type\"", "\"Type\"", StringComparison.Ordinal)));

        Assert.Equal("message", result.Activity?.Type);
    }

    [Theory]
    [InlineData("\"type\":\"message\",", "'type'")]
    [InlineData("\"channelId\":\"msteams\",", "'channelId'")]
    [InlineData("\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\",", "'serviceUrl'")]
    [InlineData("\"id\":\"19:abc@thread.tacv2;messageid=123\"", "'conversation.id'")]
    public void Read_RequiredFieldRemoved_NamesTheField(string removed, string expected)
    {
        var result = BotFrameworkActivityReader.Read(Encoding.UTF8.GetBytes(Valid.Replace(removed, string.Empty, StringComparison.Ordinal)));

        Assert.Null(result.Activity);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  \n ", "empty")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"type\":5}", "'$.type'")]
    public void Read_NotAnActivity_ExplainsWhy(string body, string expected)
    {
        var result = BotFrameworkActivityReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Activity);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}

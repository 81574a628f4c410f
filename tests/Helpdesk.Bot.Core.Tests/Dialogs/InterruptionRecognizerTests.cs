using Helpdesk.Bot.Core.Dialogs;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

public sealed class InterruptionRecognizerTests
{
    private readonly InterruptionRecognizer _recognizer = new();

    [Theory]
    [InlineData("help", InterruptionKind.Help)]
    [InlineData("HELP!", InterruptionKind.Help)]
    [InlineData("?", InterruptionKind.Help)]
    [InlineData("What can you do?", InterruptionKind.Help)]
    [InlineData("cancel", InterruptionKind.Cancel)]
    [InlineData("  Stop. ", InterruptionKind.Cancel)]
    [InlineData("never mind", InterruptionKind.Cancel)]
    [InlineData("start over", InterruptionKind.StartOver)]
    [InlineData("Start-over", InterruptionKind.StartOver)]
    [InlineData("restart", InterruptionKind.StartOver)]
    [InlineData("Menu", InterruptionKind.StartOver)]
    public void Recognize_WholeMessageIsCommand_ReturnsKind(string text, InterruptionKind expected)
    {
        Assert.Equal(expected, _recognizer.Recognize(text));
    }

    [Theory]
    [InlineData("I need help with Outlook")]
    [InlineData("my laptop won't stop beeping")]
    [InlineData("restart my computer")]
    [InlineData("reset")]
    [InlineData("")]
    [InlineData(null)]
    public void Recognize_SentenceOrOtherWord_ReturnsNone(string? text)
    {
        Assert.Equal(InterruptionKind.None, _recognizer.Recognize(text));
    }

    [Fact]
    public void Recognize_CustomWords_UsesThem()
    {
        var recognizer = new InterruptionRecognizer(new InterruptionOptions
        {
            HelpWords = ["hilfe"],
            CancelWords = ["abbrechen"],
            StartOverWords = ["von vorne"],
        });

        Assert.Equal(InterruptionKind.Help, recognizer.Recognize("Hilfe"));
        Assert.Equal(InterruptionKind.Cancel, recognizer.Recognize("abbrechen"));
        Assert.Equal(InterruptionKind.StartOver, recognizer.Recognize("Von vorne!"));
        Assert.Equal(InterruptionKind.None, recognizer.Recognize("help"));
    }

    [Fact]
    public void Constructor_WordInTwoLists_ThrowsNamingIt()
    {
        var options = new InterruptionOptions { HelpWords = ["stop"] };

        var ex = Assert.Throws<ArgumentException>(() => new InterruptionRecognizer(options));

        Assert.Contains("'stop'", ex.Message, StringComparison.Ordinal);
    }
}

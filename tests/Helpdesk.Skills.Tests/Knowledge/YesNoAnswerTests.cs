using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class YesNoAnswerTests
{
    [Theory]
    [InlineData("Yes")]
    [InlineData("yes")]
    [InlineData("YES!")]
    [InlineData("y")]
    [InlineData("yse")]
    [InlineData("yess")]
    [InlineData("yeh")]
    [InlineData("yeah")]
    [InlineData("yeha")]
    [InlineData("yep thanks")]
    [InlineData("yup")]
    [InlineData("ok")]
    [InlineData("okey")]
    [InlineData("sure")]
    [InlineData("it worked")]
    [InlineData("that fixed it")]
    [InlineData("solved")]
    [InlineData("thanks")]
    [InlineData("thank you")]
    [InlineData("perfect")]
    [InlineData("yes it did, thanks a lot")]
    public void Recognize_Yes(string text) => Assert.True(YesNoAnswer.Recognize(text));

    [Theory]
    [InlineData("No")]
    [InlineData("no")]
    [InlineData("n")]
    [InlineData("noo")]
    [InlineData("nop")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("no it didnt")]
    [InlineData("didn't help")]
    [InlineData("it didn't work")]
    [InlineData("still not working")]
    [InlineData("still broken")]
    [InlineData("none of these")]
    [InlineData("no, outlook still crashes")]
    public void Recognize_No(string text) => Assert.False(YesNoAnswer.Recognize(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes but it still crashes")]
    [InlineData("ok but not really")]
    [InlineData("no problem")]
    [InlineData("how do i reset my password")]
    [InlineData("yet another question")]
    public void Recognize_Unclear_Null(string? text) => Assert.Null(YesNoAnswer.Recognize(text));
}

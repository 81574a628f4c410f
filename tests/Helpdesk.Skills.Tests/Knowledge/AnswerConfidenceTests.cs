using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>The parts of the confidence over real articles (the calibration against labeled sets is ConfidenceCalibrationTests).</summary>
public sealed class AnswerConfidenceTests
{
    private readonly AnswerConfidence _confidence = new();

    [Fact]
    public void Coverage_AllWordsInTheArticle_One()
    {
        var article = OwnKnowledgeBase.Instance.GetArticle("outlook-crashes")!;

        Assert.Equal(1.0, _confidence.Coverage("Outlook keeps CRASHING when I open it", article));
    }

    [Fact]
    public void Coverage_TypoCountsHalf()
    {
        var article = OwnKnowledgeBase.Instance.GetArticle("outlook-crashes")!;

        // "outlok" (a typo of outlook) counts half, "crashing" fully: (0.5 + 1) / 2.
        Assert.Equal(0.75, _confidence.Coverage("outlok crashing", article));
    }

    [Fact]
    public void Coverage_WordsNotInTheArticle_CountZero()
    {
        var article = OwnKnowledgeBase.Instance.GetArticle("printer-offline")!;

        Assert.Equal(0.5, _confidence.Coverage("printer pizza", article));
        Assert.Equal(0.0, _confidence.Coverage("purple elephants", article));
        Assert.Equal(0.0, _confidence.Coverage("how do i", article));
        Assert.Equal(0.0, _confidence.Coverage(null, article));
    }

    [Fact]
    public void Coverage_SynonymOfAnArticleWord_Counts()
    {
        var article = OwnKnowledgeBase.Instance.GetArticle("teams-audio-video")!;

        Assert.Equal(1.0, _confidence.Coverage("teams mic", article));
    }

    [Theory]
    [InlineData(0f, 0.0)]
    [InlineData(12.5f, 0.5)]
    [InlineData(25f, 1.0)]
    [InlineData(80f, 1.0)]
    public void Strength_ScoreRelativeToFullStrength(float score, double expected) => Assert.Equal(expected, AnswerConfidence.Strength(score), 6);

    [Fact]
    public void Of_IsCoverageTimesStrength()
    {
        var hit = OwnKnowledgeBase.Instance.Search("printer is offline", 1)[0];
        var article = OwnKnowledgeBase.Instance.GetArticle(hit.Id)!;

        Assert.Equal(_confidence.Coverage("printer is offline", article) * AnswerConfidence.Strength(hit.Score), _confidence.Of("printer is offline", hit, article), 9);
    }
}

using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Choices;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Helpdesk =
    [
        new("Password reset", ["forgot password", "pw"]),
        new("Unlock account"),
        new("Reset MFA", ["authenticator"]),
        new("VPN problem"),
        new("Something else"),
    ];

    private readonly ChoiceRecognizer _recognizer = new();

    [Theory]
    [InlineData("Password reset", 0)]
    [InlineData("password RESET", 0)]
    [InlineData("  Password reset!  ", 0)]
    [InlineData("forgot password", 0)]
    [InlineData("PW", 0)]
    [InlineData("authenticator", 2)]
    [InlineData("something else.", 4)]
    public void Recognize_ValueOrSynonymIgnoringCaseAndPunctuation_MatchesExactly(string utterance, int expected)
    {
        var result = _recognizer.Recognize(utterance, Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.Matched, result.Status);
        Assert.Equal(expected, result.Choice!.Index);
        Assert.Equal(Helpdesk[expected].Value, result.Choice.Value);
        Assert.Equal(ChoiceMatchKind.Exact, result.Choice.MatchKind);
        Assert.Equal(1.0, result.Choice.Score);
    }

    [Theory]
    [InlineData("2", 1)]
    [InlineData("#2", 1)]
    [InlineData("2.", 1)]
    [InlineData("option 3", 2)]
    [InlineData("number 1", 0)]
    [InlineData("the second one", 1)]
    [InlineData("first", 0)]
    [InlineData("4th", 3)]
    [InlineData("last", 4)]
    public void Recognize_Position_MatchesThatChoice(string utterance, int expected)
    {
        var result = _recognizer.Recognize(utterance, Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.Matched, result.Status);
        Assert.Equal(expected, result.Choice!.Index);
        Assert.Equal(ChoiceMatchKind.Position, result.Choice.MatchKind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("99")]
    public void Recognize_PositionOutOfRange_NoMatch(string utterance)
    {
        Assert.Equal(ChoiceRecognitionStatus.NoMatch, _recognizer.Recognize(utterance, Helpdesk).Status);
    }

    [Theory]
    [InlineData("pasword reset", 0)]
    [InlineData("passwrod rest", 0)]
    [InlineData("unlok acount", 1)]
    [InlineData("vpn problm", 3)]
    [InlineData("rset mfa", 2)]
    public void Recognize_Typos_MatchesFuzzily(string utterance, int expected)
    {
        var result = _recognizer.Recognize(utterance, Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.Matched, result.Status);
        Assert.Equal(expected, result.Choice!.Index);
        Assert.Equal(ChoiceMatchKind.Fuzzy, result.Choice.MatchKind);
        Assert.InRange(result.Choice.Score, 0.5, 1.0);
    }

    [Theory]
    [InlineData("password", 0)]
    [InlineData("pass", 0)]
    [InlineData("unlock", 1)]
    [InlineData("vpn", 3)]
    [InlineData("mfa", 2)]
    [InlineData("I need a password reset please", 0)]
    [InlineData("my account is locked", 1)]
    public void Recognize_PartialWordsOrExtraWords_MatchesTheOnlyCandidate(string utterance, int expected)
    {
        var result = _recognizer.Recognize(utterance, Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.Matched, result.Status);
        Assert.Equal(expected, result.Choice!.Index);
    }

    [Fact]
    public void Recognize_WordSharedByTwoChoices_IsAmbiguousWithBothCandidates()
    {
        var result = _recognizer.Recognize("reset", Helpdesk);
        var partial = _recognizer.Recognize("res", Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.Ambiguous, result.Status);
        Assert.Null(result.Choice);
        Assert.False(result.Succeeded);
        Assert.Equal([0, 2], result.Candidates.Select(c => c.Index).Order());
        Assert.Equal(ChoiceRecognitionStatus.Ambiguous, partial.Status);
    }

    [Fact]
    public void Recognize_SynonymSharedByTwoChoices_IsAmbiguous()
    {
        Choice[] choices = [new("Laptop", ["computer"]), new("Desktop", ["computer"])];

        var result = _recognizer.Recognize("Computer", choices);

        Assert.Equal(ChoiceRecognitionStatus.Ambiguous, result.Status);
        Assert.Equal(2, result.Candidates.Count);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("what is the weather")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("!!!")]
    public void Recognize_UnrelatedOrEmpty_NoMatch(string? utterance)
    {
        var result = _recognizer.Recognize(utterance, Helpdesk);

        Assert.Equal(ChoiceRecognitionStatus.NoMatch, result.Status);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Recognize_NumbersInChoices_DoNotFuzzyMatchOtherNumbers()
    {
        Choice[] choices = [new("Windows 10"), new("Windows 11")];

        Assert.Equal(0, _recognizer.Recognize("windws 10", choices).Choice?.Index);
        Assert.Equal(1, _recognizer.Recognize("11", choices).Choice?.Index);
        Assert.Equal(1, _recognizer.Recognize("2", choices).Choice?.Index);
    }

    [Fact]
    public void Recognize_NumericChoiceValue_ExactValueWinsOverPosition()
    {
        Choice[] choices = [new("8"), new("1"), new("16")];

        Assert.Equal(1, _recognizer.Recognize("1", choices).Choice?.Index);
        Assert.Equal(2, _recognizer.Recognize("3", choices).Choice?.Index);
    }

    [Fact]
    public void Recognize_ActionTitleAndValue_PickTheChoice()
    {
        Choice[] choices =
        [
            new("reset", Action: new CardAction(ActionTypes.PostBack, "Reset my password", "pw-reset")),
            new("other"),
        ];

        Assert.Equal(0, _recognizer.Recognize("Reset my password", choices).Choice?.Index);
        Assert.Equal(0, _recognizer.Recognize("pw-reset", choices).Choice?.Index);
    }

    [Fact]
    public void Recognize_ExactOnlyOptions_RejectsTyposButKeepsPositions()
    {
        var exactOnly = new ChoiceRecognizer(ChoiceRecognizerOptions.ExactOnly);

        Assert.Equal(ChoiceRecognitionStatus.NoMatch, exactOnly.Recognize("pasword reset", Helpdesk).Status);
        Assert.Equal(1, exactOnly.Recognize("2", Helpdesk).Choice?.Index);
    }

    [Fact]
    public void Recognize_PositionsDisabled_NumberIsNotAPosition()
    {
        var recognizer = new ChoiceRecognizer(new ChoiceRecognizerOptions { RecognizePositions = false });

        Assert.Equal(ChoiceRecognitionStatus.NoMatch, recognizer.Recognize("2", Helpdesk).Status);
    }

    [Fact]
    public void Recognize_HigherMinimumScore_RejectsWeakPartialMatch()
    {
        var strict = new ChoiceRecognizer(new ChoiceRecognizerOptions { MinimumScore = 0.8 });

        Assert.Equal(ChoiceRecognitionStatus.NoMatch, strict.Recognize("unlock", Helpdesk).Status);
        Assert.Equal(0, strict.Recognize("pasword reset", Helpdesk).Choice?.Index);
    }

    [Theory]
    [InlineData("password", "password", 1.0)]
    [InlineData("pasword", "password", 0.875)]
    [InlineData("pass", "password", 0.8)]
    [InlineData("rest", "reset", 0.8)]
    [InlineData("vpm", "vpn", 0.0)]
    [InlineData("10", "11", 0.0)]
    [InlineData("locked", "unlock", 0.0)]
    [InlineData("xyzzy", "password", 0.0)]
    public void WordSimilarity_Pairs_ScoresAsDocumented(string said, string expected, double score)
    {
        Assert.Equal(score, ChoiceRecognizer.WordSimilarity(said, expected), 3);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("password", "pasword", 1)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_Pairs_ReturnsEditDistance(string a, string b, int distance)
    {
        Assert.Equal(distance, Levenshtein.Distance(a, b));
        Assert.Equal(distance, Levenshtein.Distance(b, a));
    }
}

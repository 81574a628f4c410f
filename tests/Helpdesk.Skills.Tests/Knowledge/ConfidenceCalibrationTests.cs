using System.Globalization;
using System.Text;
using Helpdesk.Skills.Knowledge;
using Xunit.Abstractions;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>
/// The shipped confidence threshold against the labeled sets in knowledge-index/eval: questions the articles answer
/// (own-queries, corpus-queries) must be answered, off-topic messages (offtopic-queries) must not. Prints the whole
/// threshold sweep (run with <c>--logger "console;verbosity=detailed"</c>) — the table in the README comes from here.
/// </summary>
public sealed class ConfidenceCalibrationTests(CalibrationFixture fixture, ITestOutputHelper output) : IClassFixture<CalibrationFixture>
{
    private static readonly double Threshold = KnowledgeSettings.DefaultConfidenceThreshold;

    [Fact]
    public void Sweep_PrintsAcceptanceByThreshold()
    {
        var table = new StringBuilder();
        table.AppendLine("threshold | index | split | answerable answered | top hit relevant (of answered) | off-topic answered");
        foreach (var threshold in new[] { 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8 })
        {
            foreach (var (name, cases) in new[] { ("own", fixture.Own), ("own+corpus", fixture.Both) })
            {
                foreach (var (split, filter) in new (string, Func<CalibrationCase, bool>)[] { ("tune", c => c.IsTuningHalf), ("held-out", c => !c.IsTuningHalf), ("all", _ => true) })
                {
                    var rates = Rates(cases.Where(filter).ToList(), threshold);
                    table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{threshold:0.00} | {name} | {split} | {rates.Answered:P1} | {rates.Relevant:P1} | {rates.OffTopic:P1}"));
                }
            }
        }

        output.WriteLine(table.ToString());
        output.WriteLine("Below the threshold (answerable) / above it (off-topic), both indexes:");
        foreach (var c in fixture.Own.Concat(fixture.Both).Where(c => c.Answerable ? c.Confidence < Threshold : c.Confidence >= Threshold))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Index} {c.Set} {c.QueryId} {c.Confidence:0.00} \"{c.Query}\" -> {c.TopId}"));
        }

        Assert.Equal(90 + 72, fixture.Own.Count);
        Assert.Equal(90 + 72 + 72, fixture.Both.Count);
    }

    [Fact]
    public void OwnArticles_DefaultThreshold_AnswersTheQuestionsAndNotTheJunk()
    {
        var rates = Rates(fixture.Own, Threshold);

        Assert.True(rates.Answered >= 0.95, $"own questions answered {rates.Answered:P1} < 95%");
        Assert.True(rates.Relevant >= 0.99, $"answered with a relevant article {rates.Relevant:P1} < 99%");
        Assert.True(rates.OffTopic <= 0.015, $"off-topic answered {rates.OffTopic:P1} > 1.5% (1 of 72)");
    }

    [Fact]
    public void OwnAndCorpus_DefaultThreshold_AnswersMostQuestionsAndLittleJunk()
    {
        var rates = Rates(fixture.Both, Threshold);

        Assert.True(rates.Answered >= 0.88, $"questions answered {rates.Answered:P1} < 88%");
        Assert.True(rates.OffTopic <= 0.06, $"off-topic answered {rates.OffTopic:P1} > 6%");
    }

    [Fact]
    public void OffTopic_KeyboardMashAndChitChat_NeverAnswered()
    {
        // The first 24 off-topic messages are keyboard mash, fragments and chit-chat: never an article.
        var mash = fixture.Both.Where(c => c.Set == "off-topic" && QueryNumber(c) <= 24 && c.Confidence >= Threshold).ToList();

        Assert.True(mash.Count <= 2, "answered: " + string.Join(", ", mash.Select(c => $"\"{c.Query}\" ({c.Confidence:0.00})")));
    }

    private static int QueryNumber(CalibrationCase c) => int.Parse(c.QueryId[1..], CultureInfo.InvariantCulture);

    private static (double Answered, double Relevant, double OffTopic) Rates(IReadOnlyCollection<CalibrationCase> cases, double threshold)
    {
        var answerable = cases.Where(c => c.Answerable).ToList();
        var offTopic = cases.Where(c => !c.Answerable).ToList();
        var answered = answerable.Where(c => c.Confidence >= threshold).ToList();
        return (
            answerable.Count == 0 ? 0 : (double)answered.Count / answerable.Count,
            answered.Count == 0 ? 0 : (double)answered.Count(c => c.TopRelevant) / answered.Count,
            offTopic.Count == 0 ? 0 : (double)offTopic.Count(c => c.Confidence >= threshold) / offTopic.Count);
    }
}

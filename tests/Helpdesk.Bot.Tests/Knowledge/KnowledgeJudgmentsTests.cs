using Helpdesk.Bot.Knowledge;
using Helpdesk.Skills.Knowledge;
using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.Bot.Tests.Knowledge;

public sealed class KnowledgeJudgmentsTests
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["vpn-wont-connect"] = "vpn-wont-connect.md",
        ["vpn-certificate-error"] = "vpn-certificate-error.md",
        ["printer-offline"] = "printers/printer-offline.md",
    };

    [Fact]
    public void Build_AnswersPerQuestionAndArticle_GradedByMajority()
    {
        ArticleAnswer[] answers =
        [
            new("VPN won't connect", "vpn-wont-connect", true),
            new("vpn won't connect?", "vpn-wont-connect", true),
            new("vpn won't connect", "vpn-wont-connect", false),
            new("vpn won't connect", "vpn-certificate-error", false),
            new("printer offline", "printer-offline", true),
            new("printer offline", "printer-offline", false),
            new("printer offline", "vpn-wont-connect", false),
        ];

        var queries = KnowledgeJudgments.Build(answers, id => Paths.GetValueOrDefault(id));

        Assert.Equal(2, queries.Count);
        var vpn = Assert.Single(queries, q => q.Text == "vpn won't connect");
        Assert.Equal(
            [new ArticleJudgment("vpn-certificate-error.md", 0, 0, 1), new ArticleJudgment("vpn-wont-connect.md", 2, 2, 1)],
            vpn.Judgments);
        var printer = Assert.Single(queries, q => q.Text == "printer offline");
        Assert.Equal([("printers/printer-offline.md", 1), ("vpn-wont-connect.md", 0)], printer.Judgments.Select(j => (j.Path, j.Grade)));
        Assert.All(queries, q => Assert.Matches("^fb[0-9]{12}$", q.Id));
    }

    [Fact]
    public void Build_SameQuestionInAnotherExport_SameId()
    {
        var first = KnowledgeJudgments.Build([new ArticleAnswer("Printer offline", "printer-offline", true)], id => Paths.GetValueOrDefault(id));
        var second = KnowledgeJudgments.Build(
            [new ArticleAnswer("vpn broken", "vpn-wont-connect", true), new ArticleAnswer("printer   OFFLINE!", "printer-offline", true)], id => Paths.GetValueOrDefault(id));

        Assert.Equal(first[0].Id, Assert.Single(second, q => q.Text == "printer   OFFLINE!").Id);
        Assert.NotEqual(second[0].Id, second[1].Id);
    }

    [Fact]
    public void Build_NothingHelpedOrArticleGone_QuestionLeftOut()
    {
        ArticleAnswer[] answers =
        [
            new("vpn broken", "vpn-wont-connect", false),
            new("old article", "removed-article", true),
            new("old article", "vpn-wont-connect", false),
            new("???", "vpn-wont-connect", true),
        ];

        Assert.Empty(KnowledgeJudgments.Build(answers, id => Paths.GetValueOrDefault(id)));
    }

    [Fact]
    public void Files_TabsAndLineBreaksInQuestion_OneLinePerQueryAndJudgment_ReadByKbEval()
    {
        var queries = KnowledgeJudgments.Build(
            [new ArticleAnswer("vpn\twon't\nconnect", "vpn-wont-connect", true), new ArticleAnswer("vpn\twon't\nconnect", "vpn-certificate-error", false)],
            id => Paths.GetValueOrDefault(id));

        var queriesFile = KnowledgeJudgments.QueriesFile(queries);
        var qrelsFile = KnowledgeJudgments.QrelsFile(queries);

        var id = Assert.Single(queries).Id;
        Assert.Equal([$"{id}\tvpn won't connect"], queriesFile.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')));
        var qrels = Qrels.Parse(qrelsFile.Split('\n'), "export");
        Assert.Equal(new Dictionary<string, int> { ["vpn-certificate-error.md"] = 0, ["vpn-wont-connect.md"] = 2 }, qrels.For(id));
    }
}

using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Tests.Articles;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Extract_DocsMarkdown_KeepsReadableTextOnly()
    {
        const string markdown = """
            # Main title

            Open [Outlook on the web](https://outlook.office.com) and select **Settings**.

            :::image type="content" source="media/x.png" alt-text="Screenshot":::

            ![diagram](media/diagram.png)

            [!INCLUDE [disclaimer](../includes/disclaimer.md)]

            > [!NOTE]
            > Restart after the change.

            ## Resolution

            ```powershell
            Set-Mailbox -Identity user
            ```

            | Setting | Value |
            | --- | --- |
            | Quota | 50 GB |
            """;

        var text = MarkdownText.Extract(markdown);

        Assert.Equal("Main title", text.FirstHeading);
        Assert.Contains("Open Outlook on the web and select Settings.", text.Prose, StringComparison.Ordinal);
        Assert.Contains("Restart after the change.", text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("[!NOTE]", text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("INCLUDE", text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("image", text.Prose, StringComparison.Ordinal);
        Assert.Contains("Quota", text.Prose, StringComparison.Ordinal);
        Assert.Equal(["Resolution"], text.Headings);
        Assert.Contains("Set-Mailbox", text.Code, StringComparison.Ordinal);
    }
}

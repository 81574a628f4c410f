namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>
/// Temporary article folders for host tests: <see cref="Own"/> (own format, including a hostile article) and
/// <see cref="Docs"/> (Microsoft docs format with an ATTRIBUTION.md, like the shared corpus).
/// </summary>
public sealed class KnowledgeTestArticles : IDisposable
{
    public const string MaliciousId = "malicious-printer-help";

    public const string Malicious = """
        ---
        id: malicious-printer-help
        title: <script>alert('title')</script> Printer help
        summary: Summary with <img src=x onerror=alert('summary')> in it.
        tags: [printer]
        category: Printing
        ---
        # Heading with <img src=x onerror=alert('heading')>

        <script>alert('block')</script>

        <div onmouseover="alert('div')">Block HTML</div>

        Text with <img src="x" onerror="alert('inline')"> and <b onmouseover="alert('b')">bold</b> and <svg onload=alert('svg')></svg>.

        [click me](javascript:alert('link')) and [entity](javascript&#58;alert('entity')) and [mixed](JaVaScRiPt:alert('case'))
        and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [vb](vbscript:msgbox(1)) and [proto](//evil.example/x)
        and [tab](java	script:alert('tab')).

        <javascript:alert('autolink')>

        [reference link][evil]

        [evil]: javascript:alert('ref')

        ![image alt](javascript:alert('img') "x") ![tracker](https://evil.example/pixel.png)

        <iframe src="https://evil.example"></iframe>

        <a href="javascript:alert('anchor')">raw anchor</a>

        [safe](https://example.com/safe) and <https://support.contoso.com> and [mail](mailto:help@contoso.com) and [section](#heading)

        ```html
        <script>alert('code')</script>
        ```

        A paragraph with attribute syntax {onclick="alert('attr')"} and `<b onclick="x">code</b>`.
        """;

    public KnowledgeTestArticles()
    {
        Directory.CreateDirectory(Own);
        Directory.CreateDirectory(Docs);
        Write(Own, $"{MaliciousId}.md", Malicious);
        Write(Own, "vpn-wont-connect.md", File.ReadAllText(Path.Combine(TestKnowledge.OwnArticles, "vpn-wont-connect.md")));
        Write(Docs, "ATTRIBUTION.md", "Suggested attribution line: \"Contains material from Example/Docs (commit abc123), © Example Corp, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/legalcode). Unmodified.\"\n");
        Write(Docs, "Outlook/Client/outlook-crash.md", Doc("Outlook crashes when it starts", "See [the profile article](../profile/rebuild-profile.md#steps) and [Learn](/outlook/troubleshoot) and [missing](nothing-here.md)."));
        Write(Docs, "Outlook/profile/rebuild-profile.md", Doc("Rebuild an Outlook profile", "Create a new profile in Mail settings."));
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "helpdesk-kb-host-" + Guid.NewGuid().ToString("N"));

    public string Own => Path.Combine(Root, "own");

    public string Docs => Path.Combine(Root, "docs");

    public static void Write(string directory, string relativePath, string content)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner removes it.
        }
    }

    private static string Doc(string title, string body) =>
        $"---\ntitle: {title}\ndescription: {title}.\nms.date: 01/15/2024\nms.author: docs\n---\n# {title}\n\n{body}\n";
}

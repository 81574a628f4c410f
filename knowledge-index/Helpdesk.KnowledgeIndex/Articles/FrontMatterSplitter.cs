namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Finds the <c>---</c> delimited YAML block at the top of a Markdown file.</summary>
internal static class FrontMatterSplitter
{
    private const string Delimiter = "---";

    /// <summary>Splits <paramref name="content"/>; on failure returns null and the 1-based line and reason.</summary>
    public static FrontMatterSplit? Split(string content, out int errorLine, out string? error)
    {
        errorLine = 0;
        error = null;
        var text = content.StartsWith('\uFEFF') ? content[1..] : content;
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ', '\t') != Delimiter)
        {
            errorLine = 1;
            error = "the file must start with YAML front matter: a line '---', the metadata, then a closing '---'";
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ', '\t');
            if (line is Delimiter or "...")
            {
                var yaml = string.Join('\n', lines[1..i].Select(l => l.TrimEnd('\r')));
                var body = string.Join('\n', lines[(i + 1)..].Select(l => l.TrimEnd('\r')));
                return new FrontMatterSplit(yaml, 2, body, i + 2);
            }
        }

        errorLine = 1;
        error = "the front matter opened with '---' on line 1 is never closed (no second '---' line)";
        return null;
    }
}

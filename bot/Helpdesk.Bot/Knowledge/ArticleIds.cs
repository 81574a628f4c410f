namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Which strings may be looked up as article ids: own ids are slugs, docs ids are relative paths without ".md"
/// (segments may hold spaces, apostrophes, parentheses). Ids are only ever looked up in the index — never used as a
/// file path — and on top of that anything path-like is refused: empty, "." or ".." segments, backslashes,
/// percent signs (double encoding), control characters, or more than <see cref="MaxLength"/> characters.
/// </summary>
internal static class ArticleIds
{
    public const int MaxLength = 400;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (char.IsControl(c) || c is '\\' or '%' or '<' or '>' or '"' or '|' or '*' or '?' or ':')
            {
                return false;
            }
        }

        foreach (var segment in id.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Trim().Length != segment.Length)
            {
                return false;
            }
        }

        return true;
    }
}

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// The tuning/held-out split of a query set, fixed by query number: odd-numbered queries are the tuning half,
/// even-numbered ones are held out (never looked at while tuning).
/// </summary>
public static class QuerySplit
{
    /// <summary>Name of the tuning half.</summary>
    public const string Tune = "tune";

    /// <summary>Name of the held-out half.</summary>
    public const string HeldOut = "held-out";

    /// <summary>Name of the whole set.</summary>
    public const string All = "all";

    /// <summary>The half a query id belongs to (by its trailing number; ids without one are held out).</summary>
    public static string Of(string queryId)
    {
        ArgumentNullException.ThrowIfNull(queryId);
        // The number's parity is its last digit's, however long the number (feedback exports use 12 digits).
        return queryId.Length > 0 && char.IsAsciiDigit(queryId[^1]) && (queryId[^1] - '0') % 2 == 1 ? Tune : HeldOut;
    }
}

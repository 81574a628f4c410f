namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>One labeled message and how the best hit for it scored.</summary>
/// <param name="Index">Which index ("own", "own+corpus").</param>
/// <param name="Set">Query set ("own", "corpus", "off-topic").</param>
/// <param name="QueryId">Its id in the set.</param>
/// <param name="Query">The text.</param>
/// <param name="TopId">Id of the best hit, null when nothing matched.</param>
/// <param name="Confidence">The best hit's confidence.</param>
/// <param name="Answerable">True for labeled questions the articles answer, false for off-topic messages.</param>
/// <param name="TopRelevant">True when the best hit is judged relevant (grade 1 or 2).</param>
public sealed record CalibrationCase(string Index, string Set, string QueryId, string Query, string? TopId, double Confidence, bool Answerable, bool TopRelevant)
{
    /// <summary>Odd-numbered queries are the tuning half, even-numbered ones are held out (as in knowledge-index/eval).</summary>
    public bool IsTuningHalf => int.Parse(new string([.. QueryId.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture) % 2 == 1;
}

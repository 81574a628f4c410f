namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>Where something is in a flow file: the file as given and a 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

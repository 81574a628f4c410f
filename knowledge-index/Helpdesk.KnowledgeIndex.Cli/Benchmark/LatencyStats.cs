namespace Helpdesk.KnowledgeIndex.Cli.Benchmark;

/// <summary>Percentiles of measured values (durations in milliseconds, or allocations in KiB).</summary>
internal sealed record LatencyStats(int Count, double Mean, double P50, double P99, double Max)
{
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LatencyStats(sorted.Length, sorted.Average(), At(0.50), At(0.99), sorted[^1]);
    }
}

using System.Globalization;

namespace DelegateBot.Benchmarks.Measurement;

/// <summary>Order statistics of a sample of latencies (milliseconds).</summary>
public sealed record LatencySummary(int Count, double Min, double P50, double P90, double P95, double P99, double P999, double Max, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public override string ToString() => Count == 0 ? "n=0" : string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P50:0.00} p90={P90:0.00} p99={P99:0.00} p99.9={P999:0.00} max={Max:0.00} ms");
}

public static class Percentiles
{
    /// <summary>
    /// The p-th percentile (0..100) of a sorted sample by linear interpolation between closest ranks (the
    /// definition of numpy's default and of Excel's PERCENTILE.INC), so small samples give sensible values.
    /// </summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("The sample is empty.", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = p / 100 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    public static LatencySummary Summarize(IEnumerable<double> sample)
    {
        var sorted = sample.ToArray();
        if (sorted.Length == 0) return LatencySummary.Empty;
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, sorted[0], Of(sorted, 50), Of(sorted, 90), Of(sorted, 95), Of(sorted, 99),
            Of(sorted, 99.9), sorted[^1], sorted.Average());
    }
}

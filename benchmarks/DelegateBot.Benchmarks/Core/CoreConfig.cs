using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace DelegateBot.Benchmarks.Core;

/// <summary>
/// One question per iteration (InvocationCount 1), no outlier removal and no forced GC between iterations, so
/// P50/P95/P99 are percentiles of single answers including the slow tail; allocations per answer. In-process: no generated project to build,
/// and the index of a corpus is built once per corpus. BDN_ROUNDS sets how many times the mix is asked (10).
/// </summary>
public sealed class CoreConfig : ManualConfig
{
    public CoreConfig()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BDN_ROUNDS"), out var r) ? r : 10;
        AddJob(Job.Default
            // The default in-process timeout (5 min) is shorter than building the 100k-passage index on a busy machine.
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(Math.Max(20, rounds * 4))
            .WithIterationCount(rounds * 50)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
            // No forced collection between iterations: garbage collects when it would in the service, inside
            // answers (the tail we want to see), and a forced full GC of a 1.4 GB heap per question is not affordable.
            .WithGcForce(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        AddExporter(JsonExporter.Full); // the default config adds the GitHub markdown, CSV and HTML reports
        WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond));
        WithOptions(ConfigOptions.DisableLogFile);
    }
}

/// <summary>A percentile BenchmarkDotNet has no column for (P99), over all measurements.</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}";
    public string ColumnName => $"P{percentile}";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => percentile;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => $"Percentile {percentile} of single answers";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null) return "NA";
        var sorted = stats.OriginalValues.Order().ToArray();
        var ns = DelegateBot.Benchmarks.Measurement.Percentiles.Of(sorted, percentile);
        return (ns / 1e6).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " ms";
    }
}

using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Tests;

/// <summary>The CPU time the benchmarks read from /proc for costs per operation.</summary>
public class ProcessCpuTests
{
    [Fact]
    public void Work_on_a_thread_shows_as_cpu_seconds_of_the_process()
    {
        var before = ProcessCpu.Seconds(Environment.ProcessId);
        Assert.NotNull(before);
        // Spin until the kernel has counted at least 50 ms more (its clock ticks are 10 ms); a busy machine only makes it take longer.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double? now = before;
        var x = 0.0;
        while (now - before < 0.05 && DateTime.UtcNow < deadline)
        {
            for (var i = 0; i < 1_000_000; i++) x += Math.Sqrt(i);
            now = ProcessCpu.Seconds(Environment.ProcessId);
        }
        Assert.True(now - before >= 0.05, $"CPU time went from {before} to {now} s ({x})");
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_cpu_time() =>
        Assert.Null(ProcessCpu.Seconds(int.MaxValue));
}

using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Tests;

public class PercentileTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 50.5)]
    [InlineData(90, 90.1)]
    [InlineData(99, 99.01)]
    [InlineData(100, 100)]
    public void Percentiles_interpolate_between_closest_ranks(double p, double expected)
    {
        var sample = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(expected, Percentiles.Of(sample, p), 6);
    }

    [Fact]
    public void Summary_sorts_its_sample_and_keeps_the_tail()
    {
        var sample = new double[1000];
        for (var i = 0; i < sample.Length; i++) sample[i] = 1;
        sample[10] = 500; // one stall in a thousand: p99.9 and max must show it, p99 must not hide a second one
        sample[700] = 300;
        var s = Percentiles.Summarize(sample.Reverse());
        Assert.Equal(1000, s.Count);
        Assert.Equal(1, s.P50);
        Assert.Equal(1, s.P99);
        Assert.True(s.P999 > 290, $"p99.9 {s.P999}");
        Assert.Equal(500, s.Max);
        Assert.Equal(1, s.Min);
    }

    [Fact]
    public void A_single_sample_is_every_percentile_and_an_empty_one_is_refused()
    {
        Assert.Equal(7, Percentiles.Of([7.0], 99));
        Assert.Equal(0, Percentiles.Summarize([]).Count);
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1.0], 101));
    }
}

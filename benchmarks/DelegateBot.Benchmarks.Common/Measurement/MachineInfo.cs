using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DelegateBot.Benchmarks.Measurement;

/// <summary>What a figure was measured on: CPU, cores, memory, runtime, and how busy the machine was.</summary>
public static class MachineInfo
{
    public static string Cpu => ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static string MemoryTotal => ReadFirst("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var k)
        ? $"{k / 1024.0 / 1024.0:0.0} GiB" : "unknown";

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine makes figures noisy.</summary>
    public static string LoadAverage => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Describe() =>
        $"{Cpu}, {Environment.ProcessorCount} cores, {MemoryTotal}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load average {LoadAverage}";

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(':');
            return colon < 0 ? null : line[(colon + 1)..].Trim();
        }
        return null;
    }

    /// <summary>Milliseconds since an earlier <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public static double MsSince(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
}

namespace DelegateBot.Benchmarks.Measurement;

/// <summary>
/// CPU time a process has used (user + system, /proc/PID/stat). The difference over a phase divided by the work
/// done is a cost per operation that other processes on the machine distort far less than they distort wall times.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: the kernel reports times in 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU used so far, or null when the process is gone or /proc is not there.</summary>
    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the line, i.e. 11 and 12 after the name and state.
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                    + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }
}

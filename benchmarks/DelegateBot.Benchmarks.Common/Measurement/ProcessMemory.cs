namespace DelegateBot.Benchmarks.Measurement;

/// <summary>Resident memory of a process as Linux reports it (/proc/PID/status): now and at its peak.</summary>
public sealed record ResidentMemory(double RssMb, double PeakRssMb)
{
    public static ResidentMemory? Of(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return null;
        try
        {
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) / 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line) / 1024;
            }
            return new ResidentMemory(rss, hwm);
        }
        catch (IOException) { return null; } // the process ended meanwhile
    }

    public static ResidentMemory? OfSelf() => Of(Environment.ProcessId);

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json;

namespace DelegateBot.Benchmarks.Measurement;

/// <summary>
/// Where a run's raw results go: BENCH_RESULTS (run.sh sets benchmarks/results/&lt;time&gt;/) or benchmarks/results/.
/// Each tool writes one JSON file; run.sh's summary reads them.
/// </summary>
public static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("BENCH_RESULTS") is { Length: > 0 } f ? Path.GetFullPath(f) : RepoPaths.Results;
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string Write(string name, object result)
    {
        var path = Path.Combine(Folder, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(result, result.GetType(), Json));
        return path;
    }
}

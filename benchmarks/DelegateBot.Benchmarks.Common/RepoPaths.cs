namespace DelegateBot.Benchmarks;

/// <summary>
/// Where the repository and the shared material beside it are. The benchmarks run from anywhere inside the
/// repository; ../shared is looked for beside the repository first, then higher up (a git worktree may sit one
/// level deeper than the main checkout). DELEGATEBOT_SHARED overrides it.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Shared { get; } = FindShared();

    public static string SharedCorpus => Path.Combine(Shared, "corpus");

    /// <summary>The built host (Release), as `dotnet build -c Release` leaves it.</summary>
    public static string HostDll => Path.Combine(Root, "src", "DelegateBot", "bin", "Release", "net10.0", "DelegateBot.dll");

    /// <summary>benchmarks/results/: raw output, not committed.</summary>
    public static string Results => Path.Combine(Root, "benchmarks", "results");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the DelegateBot repository (DelegateBot.sln not found above the current directory).");
    }

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("DELEGATEBOT_SHARED") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = Directory.GetParent(Root); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
        }
        return Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    }
}

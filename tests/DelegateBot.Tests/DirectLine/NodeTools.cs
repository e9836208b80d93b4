using System.Diagnostics;

namespace DelegateBot.Tests.DirectLine;

/// <summary>Runs the npm-based test drivers (tests/directline-js, tests/botbuilder-js, tests/browser) from xunit.</summary>
internal static class NodeTools
{
    private static readonly SemaphoreSlim NpmGate = new(1, 1);

    /// <summary>The repository root: the folder above the test binaries that holds DelegateBot.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) return dir.FullName;
            throw new InvalidOperationException("DelegateBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The test folder, with `npm ci` run first when its node_modules is missing (test.sh does it up front).</summary>
    public static async Task<string> PreparedFolderAsync(string relativePath)
    {
        var folder = Path.Combine(RepositoryRoot, relativePath);
        await NpmGate.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(10));
                Assert.True(code == 0, $"npm ci in {folder} failed ({code}):\n{output}");
            }
        }
        finally
        {
            NpmGate.Release();
        }
        return folder;
    }

    /// <summary>Runs a program to completion; returns its exit code and stdout+stderr. Killed after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{fileName} timed out after {timeout}:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

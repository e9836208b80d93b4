using DelegateBot.Benchmarks.Corpus;
using DelegateBot.Benchmarks.Core;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Host;

public sealed record HostMemoryResult(string Corpus, string Gc, int Documents, double ReadyMs, int Questions, double RssMb, double PeakRssMb, string Machine);

/// <summary>
/// Resident memory of the real service once it has answered: start it on a corpus, ask the corpus's question
/// mix a few times through POST /api/messages, then read VmRSS and VmHWM. With the host's default GC (server, as
/// the web SDK sets it) and, with --compare-gc, workstation GC (DOTNET_gcServer=0).
/// </summary>
internal static class HostMemory
{
    public static async Task<int> RunAsync(IReadOnlyList<string> corpora, bool compareGc)
    {
        var results = new List<HostMemoryResult>();
        foreach (var corpus in corpora)
        {
            var (folder, questions) = Corpora.Resolve(corpus);
            var documents = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Count();
            var settings = new List<(string Gc, Dictionary<string, string> Env)> { ("server", []) };
            // For comparison (--compare-gc, run.sh --quick does it on 10k): the default (server GC, as the web SDK sets it) is what ships.
            if (compareGc && corpus != "seeds") settings.Add(("workstation", new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }));
            foreach (var (gc, env) in settings)
            {
                await using var host = await HostProcess.StartAsync(new HostSettings(folder) { Environment = env });
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                await BotMessages.AskAsync(http, host.BaseUrl, questions[0].Text);
                var ready = MachineInfo.MsSince(host.StartedTimestamp);
                var asked = 0;
                for (var round = 0; round < 3; round++)
                    foreach (var q in questions) { await BotMessages.AskAsync(http, host.BaseUrl, q.Text); asked++; }
                var memory = ResidentMemory.Of(host.Pid) ?? throw new InvalidOperationException("The host's /proc status is not readable.");
                var result = new HostMemoryResult(corpus, gc, documents, ready, asked, memory.RssMb, memory.PeakRssMb, MachineInfo.Describe());
                results.Add(result);
                Console.WriteLine($"{corpus,6} ({documents} documents) {gc,-11} GC: ready in {ready / 1000:0.0} s, after {asked} questions RSS {memory.RssMb:0} MB, peak {memory.PeakRssMb:0} MB");
            }
        }
        Console.WriteLine($"-> {ResultFiles.Write("host-memory", results)}");
        return 0;
    }
}

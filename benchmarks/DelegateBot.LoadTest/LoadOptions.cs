using System.Globalization;

namespace DelegateBot.LoadTest;

/// <summary>Command-line options of the load run.</summary>
internal sealed record LoadOptions
{
    public Uri? Url { get; init; }
    /// <summary>With --url: the host's process id, for its CPU time per request.</summary>
    public int? HostPid { get; init; }
    public IReadOnlyList<int> Rates { get; init; } = [100, 300, 500];
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long to wait for a reply before counting the request as lost.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public int Conversations { get; init; } = 2000;
    public string Corpus { get; init; } = "seeds";
    public bool TeamsLimits { get; init; }

    public const string Usage = """
        Usage: dotnet DelegateBot.LoadTest.dll [options]
          --url URL              a running host's base URL (anonymous mode); default: start the built host on a random port
          --host-pid PID         with --url: that host's process id, to report its CPU time per request
          --rates 100,300,500    offered rates, requests per second, one phase each
          --duration 20          seconds per phase (measured)
          --warmup 10            seconds of unmeasured load at the first rate before the phases
          --conversations 2000   distinct conversation ids, used in turn (turns are serialized per conversation)
          --corpus seeds|10k...  the knowledge folder of the started host: knowledge/ or a synthetic corpus
          --reply-timeout 15     seconds after which a request without a reply counts as lost
          --teams-limits         the channel enforces Teams' documented limits (429 + Retry-After) instead of none
          --quick                5 s phases, 3 s warm-up
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(Next().TrimEnd('/') + "/") },
                "--host-pid" => o with { HostPid = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rates" => o with { Rates = Next().Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray() },
                "--duration" => o with { Duration = Seconds(Next()) },
                "--warmup" => o with { Warmup = Seconds(Next()) },
                "--reply-timeout" => o with { ReplyTimeout = Seconds(Next()) },
                "--conversations" => o with { Conversations = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--corpus" => o with { Corpus = Next() },
                "--teams-limits" => o with { TeamsLimits = true },
                "--quick" => o with { Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(3) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (o.Rates.Count == 0 || o.Rates.Any(r => r <= 0)) throw new ArgumentException("--rates needs positive numbers.");
        if (o.Conversations <= 0) throw new ArgumentException("--conversations must be positive.");
        return o;
    }

    private static TimeSpan Seconds(string s) => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture));
}

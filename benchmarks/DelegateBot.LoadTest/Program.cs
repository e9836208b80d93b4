using System.Net;
using DelegateBot.Benchmarks.Channel;
using DelegateBot.Benchmarks.Corpus;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;
using DelegateBot.LoadTest;

LoadOptions options;
try { options = LoadOptions.Parse(args); }
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var (folder, questions) = Corpora.Resolve(options.Corpus);

await using var channel = await LoopbackChannel.StartAsync(options.TeamsLimits ? ChannelLimits.Teams() : ChannelLimits.None);
HostProcess? host = null;
try
{
    Uri baseUrl;
    if (options.Url is { } url) baseUrl = url;
    else
    {
        Console.WriteLine($"Starting the host on {folder} ...");
        host = await HostProcess.StartAsync(new HostSettings(folder));
        baseUrl = host.BaseUrl;
    }
    using var http = new HttpClient(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    await BotMessages.AskAsync(http, baseUrl, questions[0].Text); // the index is built and the first turn done before timing
    Console.WriteLine($"Host {baseUrl} ready; channel {channel.ServiceUrl}; {questions.Count} questions; {MachineInfo.Describe()}");
    var phase = new OpenLoopPhase(http, baseUrl, channel, questions);
    var run = DateTime.UtcNow.ToString("HHmmss");
    if (options.Warmup > TimeSpan.Zero)
    {
        var w = await phase.RunAsync($"{run}-warmup", options.Rates[0], options.Warmup, options.Conversations, options.ReplyTimeout);
        Console.WriteLine($"warm-up at {options.Rates[0]}/s: {w.Replied}/{w.Sent} replied, p50 {w.Reply.P50:0.0} ms");
    }

    var results = new List<PhaseResult>();
    foreach (var rate in options.Rates)
    {
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the previous phase's queue drain
        var r = await phase.RunAsync($"{run}-r{rate}", rate, options.Duration, options.Conversations, options.ReplyTimeout, host?.Pid ?? options.HostPid);
        results.Add(r);
        Console.WriteLine($"{rate,4} req/s offered ({r.AchievedRate:0} sent/s): reply p50 {r.Reply.P50,7:0.00} p90 {r.Reply.P90,7:0.00} p99 {r.Reply.P99,8:0.00} max {r.Reply.Max,8:0.00} ms | " +
                          $"ack p50 {r.Ack.P50:0.00} p99 {r.Ack.P99:0.00} ms | errors {r.Errors}/{r.Sent}{(r.Errors > 0 ? " " + string.Join(", ", r.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) : "")} | " +
                          $"send lag p99 {r.SendLag.P99:0.00} ms | CPU per request: host {r.HostCpuMsPerRequest:0.00} ms, generator+channel {r.ToolCpuMsPerRequest:0.00} ms | load {r.LoadAverage}");
    }
    var memory = host is null ? null : ResidentMemory.Of(host.Pid);
    if (memory is not null) Console.WriteLine($"host resident memory {memory.RssMb:0} MB, peak {memory.PeakRssMb:0} MB");
    Console.WriteLine($"channel: {channel.Accepted} activities accepted, {channel.Throttled} throttled (429)");
    var file = ResultFiles.Write("load-test", new
    {
        options.Corpus, Rates = options.Rates, DurationSeconds = options.Duration.TotalSeconds, options.Conversations,
        Limits = options.TeamsLimits ? "teams" : "none", Machine = MachineInfo.Describe(), HostMemory = memory, Phases = results,
    });
    Console.WriteLine($"-> {file}");
    return 0;
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or FileNotFoundException or TimeoutException)
{
    Console.Error.WriteLine($"Load test failed: {ex.Message}");
    if (host is not null) Console.Error.WriteLine(host.RecentOutput);
    return 1;
}
finally
{
    if (host is not null) await host.DisposeAsync();
}

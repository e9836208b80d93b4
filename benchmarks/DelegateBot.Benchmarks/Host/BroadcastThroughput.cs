using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DelegateBot.Benchmarks.Channel;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Host;

/// <param name="AppPerSecond">The bot's configured budget (Reminders:Delivery:AppPerSecond); the channel enforces the same global limit.</param>
/// <param name="MinimumSeconds">Deliveries / AppPerSecond: no configuration within the limits can do better.</param>
/// <param name="DeliverySeconds">From the start of POST /admin/broadcasts to the last delivery accepted by the channel.</param>
/// <param name="MeanPerSecond">Deliveries / DeliverySeconds.</param>
/// <param name="PerSecond">Deliveries accepted by the channel in each second after the enqueue.</param>
/// <param name="Throttled">429 answers of the channel during the broadcast.</param>
/// <param name="Attempts">Send attempts in the delivery report (each 429 or error is one more than the recipients).</param>
/// <param name="Missing">Conversations the channel never got the message in; <paramref name="Doubled"/>: got it more than once.</param>
public sealed record BroadcastResult(
    int Conversations, int AppPerSecond, int? Concurrency, double SeedSeconds, double EnqueueMs, double DeliverySeconds, double MinimumSeconds,
    double MeanPerSecond, IReadOnlyList<int> PerSecond, long Throttled, int Sent, int Failed, int Attempts, int Retried, int Resumed,
    int Missing, int Doubled, bool Complete, double? HostCpuSeconds, string LoadAverageBefore, string LoadAverageAfter, string Machine)
{
    public bool NoneLostNoneDoubled => Complete && Missing == 0 && Doubled == 0 && Failed == 0 && Sent == Conversations;
}

/// <summary>
/// Broadcast throughput of the real built host against a loopback channel with Teams' limits: subscribers are
/// made the way Teams makes them (a conversationUpdate when the bot is installed in a personal chat, through
/// POST /api/messages, not timed), then one organiser broadcast to everyone goes through POST /admin/broadcasts,
/// and the clock runs until the channel has accepted the last delivery. The channel counts what each
/// conversation received (none lost, none doubled) and the 429s it answered; the delivery report gives attempts.
/// </summary>
internal static class BroadcastThroughput
{
    private const string ApiKey = "bench-admin-key";

    public static async Task<int> RunAsync(int conversations, IReadOnlyList<int> limits, int? concurrency)
    {
        var results = new List<BroadcastResult>();
        foreach (var limit in limits)
        {
            var r = await RunOnceAsync(conversations, limit, concurrency);
            results.Add(r);
            Console.WriteLine($"{r.Conversations} conversations at {r.AppPerSecond}/s (minimum {r.MinimumSeconds:0} s): last delivery after {r.DeliverySeconds:0.0} s " +
                              $"({r.MeanPerSecond:0.0}/s; per second min {Quiet(r.PerSecond).DefaultIfEmpty().Min()} median {Median(Quiet(r.PerSecond))} max {r.PerSecond.DefaultIfEmpty().Max()}), " +
                              $"enqueue {r.EnqueueMs:0} ms, 429s {r.Throttled}, attempts {r.Attempts} ({r.Retried} conversations retried, {r.Resumed} resumed), " +
                              $"sent {r.Sent} failed {r.Failed}, missing {r.Missing} doubled {r.Doubled} -> {(r.NoneLostNoneDoubled ? "none lost, none doubled" : "LOST OR DOUBLED")}; " +
                              $"host CPU {r.HostCpuSeconds:0.0} s; seeding {r.SeedSeconds:0} s; load {r.LoadAverageBefore} -> {r.LoadAverageAfter}");
        }
        Console.WriteLine($"-> {ResultFiles.Write("broadcast", results)}");
        return results.All(r => r.NoneLostNoneDoubled) ? 0 : 1;
    }

    private static async Task<BroadcastResult> RunOnceAsync(int conversations, int limit, int? concurrency)
    {
        await using var channel = await LoopbackChannel.StartAsync(ChannelLimits.Teams(limit));
        var env = new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = ApiKey,
            ["Reminders__Delivery__AppPerSecond"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Console output of the host is drained by the harness; the delivery worker logs each retry at Debug only.
        };
        if (concurrency is { } c) env["Reminders__Delivery__Concurrency"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await HostProcess.StartAsync(new HostSettings(RepoPaths.Knowledge) { Environment = env });
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };

        var run = DateTime.UtcNow.ToString("HHmmss");
        var ids = Enumerable.Range(0, conversations).Select(i => $"a:bench{run}-{i:D5}").ToArray();
        var seedStart = Stopwatch.GetTimestamp();
        await SeedAsync(http, host.BaseUrl, channel.ServiceUrl, ids, run);
        var seedSeconds = Stopwatch.GetElapsedTime(seedStart).TotalSeconds;
        Console.WriteLine($"{conversations} subscribers seeded in {seedSeconds:0.0} s; broadcasting at {limit}/s ...");

        var text = $"Benchmark broadcast {run}: the plenary moves to room B.";
        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var arrivals = new ConcurrentQueue<long>();
        channel.Received = a =>
        {
            if (a.Type != "message" || a.Text != text) return;
            received.AddOrUpdate(a.ConversationId, 1, (_, n) => n + 1);
            arrivals.Enqueue(a.ArrivedTimestamp);
        };
        var throttledBefore = channel.Throttled;
        var loadBefore = MachineInfo.LoadAverage;
        var cpuBefore = ProcessCpu.Seconds(host.Pid);

        var start = Stopwatch.GetTimestamp();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUrl, "admin/broadcasts"))
        {
            Content = JsonContent.Create(new { text, audience = "everyone", key = $"bench-{run}" }),
        };
        post.Headers.Add("X-Api-Key", ApiKey);
        using var accepted = await http.SendAsync(post);
        var enqueueMs = MachineInfo.MsSince(start);
        var body = await accepted.Content.ReadAsStringAsync();
        if (accepted.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"POST /admin/broadcasts answered {(int)accepted.StatusCode}: {body}");
        using var ticket = JsonDocument.Parse(body);
        var id = ticket.RootElement.GetProperty("id").GetString()!;
        var recipients = ticket.RootElement.GetProperty("recipients").GetInt32();
        if (recipients != conversations) throw new InvalidOperationException($"The broadcast reaches {recipients} conversations, not the {conversations} seeded.");

        // Generous: four times the minimum, for retries after 429s on a busy machine.
        var deadline = TimeSpan.FromSeconds(Math.Max(120, 4.0 * conversations / limit + 60));
        var report = await WaitForReportAsync(http, host.BaseUrl, id, start, deadline);
        var cpuAfter = ProcessCpu.Seconds(host.Pid);
        var last = arrivals.IsEmpty ? start : arrivals.Max();
        var deliverySeconds = (last - start) / (double)Stopwatch.Frequency;
        var perSecond = new int[Math.Max(1, (int)Math.Ceiling(deliverySeconds))];
        foreach (var t in arrivals) perSecond[Math.Min(perSecond.Length - 1, (int)((t - start) / Stopwatch.Frequency))]++;

        int Int(string name) => report.GetProperty(name).GetInt32();
        return new BroadcastResult(
            conversations, limit, concurrency, seedSeconds, enqueueMs, deliverySeconds, (double)conversations / limit,
            arrivals.Count / Math.Max(deliverySeconds, 1e-9), perSecond, channel.Throttled - throttledBefore,
            Int("sent"), Int("failed"), Int("attempts"), Int("retried"), Int("resumed"),
            ids.Count(i => !received.ContainsKey(i)), received.Count(kv => kv.Value > 1), report.GetProperty("complete").GetBoolean(),
            cpuAfter - cpuBefore, loadBefore, MachineInfo.LoadAverage, MachineInfo.Describe());
    }

    /// <summary>Installs the bot in each conversation (expectReplies, so each answer comes once the turn has stored the subscriber).</summary>
    private static async Task SeedAsync(HttpClient http, Uri baseUrl, string serviceUrl, string[] ids, string run)
    {
        var messages = new Uri(baseUrl, "api/messages");
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await http.PostAsync(messages, BotMessages.BotInstalled(ids[i], $"29:bench{run}-user-{i:D5}", serviceUrl), ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Installing the bot in {ids[i]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        });
    }

    private static async Task<JsonElement> WaitForReportAsync(HttpClient http, Uri baseUrl, string id, long start, TimeSpan deadline)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"admin/broadcasts/{id}"));
            request.Headers.Add("X-Api-Key", ApiKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var report = doc.RootElement.Clone();
            if (report.GetProperty("complete").GetBoolean() || Stopwatch.GetElapsedTime(start) > deadline) return report;
            await Task.Delay(250);
        }
    }

    /// <summary>The full seconds between the first and the last (the first and last are partial).</summary>
    private static IEnumerable<int> Quiet(IReadOnlyList<int> perSecond) => perSecond.Count > 2 ? perSecond.Skip(1).Take(perSecond.Count - 2) : perSecond;

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using DelegateBot.Benchmarks.Channel;
using DelegateBot.Benchmarks.Corpus;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.LoadTest;

/// <summary>What one phase measured.</summary>
/// <param name="Reply">From the request's scheduled send time to the answer's arrival at the channel (the typing indicator does not count).</param>
/// <param name="Ack">From the actual send to the HTTP response of POST /api/messages.</param>
/// <param name="SendLag">How late the generator sent compared with its schedule (its own health: should stay near 0).</param>
/// <param name="HostCpuMsPerRequest">CPU the host used during the phase (until the last reply) per request: less noisy than latency on a shared machine.</param>
/// <param name="ToolCpuMsPerRequest">The same for this process (the generator and the loopback channel).</param>
public sealed record PhaseResult(
    int OfferedRate, double AchievedRate, int Sent, int Replied, int Errors, int Lost, IReadOnlyDictionary<string, int> ErrorKinds,
    LatencySummary Reply, LatencySummary Ack, LatencySummary SendLag, string LoadAverage,
    double? HostCpuMsPerRequest = null, double? ToolCpuMsPerRequest = null);

/// <summary>
/// Open-loop load: requests are sent on a fixed schedule whatever the responses, from a dedicated thread, and
/// latency is counted from the scheduled time, so a stalled server cannot hide its stall by slowing the
/// generator (coordinated omission). Replies are matched to requests by replyToId at the loopback channel.
/// </summary>
internal sealed class OpenLoopPhase
{
    private sealed class Request
    {
        public required string Id { get; init; }
        public long Scheduled;
        public long Sent;
        public long Acked;
        public long Replied;
        public string? Error;
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly ConcurrentDictionary<string, Request> _pending = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly Uri _messages;
    private readonly LoopbackChannel _channel;
    private readonly IReadOnlyList<BenchQuestion> _questions;

    public OpenLoopPhase(HttpClient http, Uri baseUrl, LoopbackChannel channel, IReadOnlyList<BenchQuestion> questions)
    {
        _http = http;
        _messages = new Uri(baseUrl, "api/messages");
        _channel = channel;
        _questions = questions;
        channel.Received = OnReceived;
    }

    private void OnReceived(ChannelActivity a)
    {
        if (a.Type != "message" || a.ReplyToId is null || !_pending.TryGetValue(a.ReplyToId, out var r)) return;
        if (Interlocked.CompareExchange(ref r.Replied, a.ArrivedTimestamp, 0) != 0) return;
        // The adapter's apology on a failed turn arrives as a message too: it is an error, not an answer.
        if (a.Text?.StartsWith("Sorry, something went wrong", StringComparison.Ordinal) == true) r.Error ??= "turn failed";
        r.Done.TrySetResult();
    }

    public async Task<PhaseResult> RunAsync(string name, int rate, TimeSpan duration, int conversations, TimeSpan replyTimeout, int? hostPid = null)
    {
        var hostCpu = hostPid is { } pid ? ProcessCpu.Seconds(pid) : null;
        var toolCpu = ProcessCpu.Seconds(Environment.ProcessId);
        var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var requests = new Request[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = new Request { Id = $"{name}-{i}" };
            _pending[requests[i].Id] = requests[i];
        }
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var sends = new Task[count];
        var started = Stopwatch.GetTimestamp();
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = started + (long)(i * ticksPerRequest);
                while (Stopwatch.GetTimestamp() < due)
                {
                    if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 500) Thread.Sleep(1);
                    else Thread.SpinWait(50);
                }
                var r = requests[i];
                r.Scheduled = due;
                var conversation = $"{name}-c{i % conversations}";
                var question = _questions[i % _questions.Count].Text;
                sends[i] = Task.Run(() => SendAsync(r, conversation, question));
            }
        }) { IsBackground = true, Name = "open-loop scheduler", Priority = ThreadPriority.AboveNormal };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        var sendingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.WhenAll(sends);
        // Every request gets the reply timeout from its own scheduled time.
        var deadline = requests[^1].Scheduled + (long)(replyTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var r in requests)
        {
            var left = TimeSpan.FromSeconds(Math.Max(0, (double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency));
            if (r.Error is null) await Task.WhenAny(r.Done.Task, Task.Delay(left));
        }
        foreach (var r in requests) _pending.TryRemove(r.Id, out _);
        double? PerRequest(double? before, int? of) => of is { } p && ProcessCpu.Seconds(p) is { } after && before is { } b ? (after - b) * 1000 / count : null;
        return Summarize(rate, count / sendingSeconds, requests) with
        {
            HostCpuMsPerRequest = PerRequest(hostCpu, hostPid),
            ToolCpuMsPerRequest = PerRequest(toolCpu, Environment.ProcessId),
        };
    }

    private async Task SendAsync(Request r, string conversation, string question)
    {
        r.Sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsync(_messages, BotMessages.Message(r.Id, conversation, question, _channel.ServiceUrl));
            r.Acked = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode) r.Error = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            r.Acked = Stopwatch.GetTimestamp();
            r.Error = ex.GetType().Name;
        }
        if (r.Error is not null) r.Done.TrySetResult();
    }

    private static PhaseResult Summarize(int rate, double achieved, Request[] requests)
    {
        double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        var replied = requests.Where(r => r.Error is null && Volatile.Read(ref r.Replied) != 0).ToList();
        var lost = requests.Count(r => r.Error is null && Volatile.Read(ref r.Replied) == 0);
        var errorKinds = requests.Where(r => r.Error is not null).GroupBy(r => r.Error!).ToDictionary(g => g.Key, g => g.Count());
        if (lost > 0) errorKinds["no reply within timeout"] = lost;
        return new PhaseResult(rate, achieved, requests.Length, replied.Count, errorKinds.Values.Sum(), lost, errorKinds,
            Percentiles.Summarize(replied.Select(r => Ms(r.Scheduled, r.Replied))),
            Percentiles.Summarize(requests.Where(r => r.Acked != 0 && r.Error is null).Select(r => Ms(r.Sent, r.Acked))),
            Percentiles.Summarize(requests.Select(r => Ms(r.Scheduled, r.Sent))),
            MachineInfo.LoadAverage);
    }
}

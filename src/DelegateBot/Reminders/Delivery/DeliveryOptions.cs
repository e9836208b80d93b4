namespace DelegateBot.Reminders.Delivery;

/// <summary>
/// Section "Reminders:Delivery": how fast and how stubbornly proactive messages go out. The defaults are the Teams
/// limits for a bot (per conversation: 7 a second, 60 in 30 seconds, 1800 an hour) and a per-app budget of 30 a second.
/// The limits hold per service instance; with several instances, divide AppPerSecond between them.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Reminders:Delivery";

    public int AppPerSecond { get; set; } = 30;
    public int ConversationPerSecond { get; set; } = 7;
    public int ConversationPer30Seconds { get; set; } = 60;
    public int ConversationPerHour { get; set; } = 1800;

    /// <summary>Sends in flight at once.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Tries per conversation and message before it is reported failed (429/412/5xx, timeouts, network errors).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry's delay; each next one doubles, with jitter, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 2;
    public double RetryMaxSeconds { get; set; } = 120;

    /// <summary>A channel's Retry-After is honoured up to this long.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 600;

    /// <summary>How long a claimed send belongs to its instance; a crashed instance's sends are retried after it.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>How often the worker looks for work enqueued elsewhere (the CLI, another instance) or due again.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>On shutdown, sends in flight get this long to finish before they are abandoned (and retried after their lease).</summary>
    public double ShutdownGraceSeconds { get; set; } = 10;

    /// <summary>Rows read per look at the ledger.</summary>
    public int BatchSize { get; set; } = 256;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(double value, string name)
        {
            if (value <= 0) problems.Add($"{Section}:{name} must be greater than 0 (it is {value}).");
        }
        Positive(AppPerSecond, nameof(AppPerSecond));
        Positive(ConversationPerSecond, nameof(ConversationPerSecond));
        Positive(ConversationPer30Seconds, nameof(ConversationPer30Seconds));
        Positive(ConversationPerHour, nameof(ConversationPerHour));
        Positive(Concurrency, nameof(Concurrency));
        Positive(MaxAttempts, nameof(MaxAttempts));
        Positive(RetryBaseSeconds, nameof(RetryBaseSeconds));
        Positive(RetryMaxSeconds, nameof(RetryMaxSeconds));
        Positive(MaxRetryAfterSeconds, nameof(MaxRetryAfterSeconds));
        Positive(LeaseSeconds, nameof(LeaseSeconds));
        Positive(PollSeconds, nameof(PollSeconds));
        Positive(BatchSize, nameof(BatchSize));
        if (ShutdownGraceSeconds < 0) problems.Add($"{Section}:ShutdownGraceSeconds must not be negative.");
        return problems;
    }
}

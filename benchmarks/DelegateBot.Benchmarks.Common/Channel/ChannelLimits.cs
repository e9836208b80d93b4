namespace DelegateBot.Benchmarks.Channel;

/// <summary>At most <see cref="Limit"/> accepted calls in any <see cref="Window"/>.</summary>
public readonly record struct RateWindow(TimeSpan Window, int Limit);

/// <summary>
/// The limits a test channel enforces, answering 429 Too Many Requests with Retry-After when one is exceeded.
/// <see cref="Teams"/> carries the values Microsoft documents for Teams bots (per bot per conversation: 7 in 1 s,
/// 8 in 2 s, 60 in 30 s, 1800 in an hour; and a global 50 requests per second per app and tenant); they are
/// configurable because Teams may change them and a tenant may be granted more.
/// </summary>
public sealed record ChannelLimits
{
    public IReadOnlyList<RateWindow> PerConversation { get; init; } = [];
    public IReadOnlyList<RateWindow> Global { get; init; } = [];

    public static ChannelLimits None { get; } = new();

    public static ChannelLimits Teams(int globalPerSecond = 50) => new()
    {
        PerConversation =
        [
            new(TimeSpan.FromSeconds(1), 7), new(TimeSpan.FromSeconds(2), 8),
            new(TimeSpan.FromSeconds(30), 60), new(TimeSpan.FromHours(1), 1800),
        ],
        Global = [new(TimeSpan.FromSeconds(1), globalPerSecond)],
    };

    public bool IsUnlimited => PerConversation.Count == 0 && Global.Count == 0;
}

using System.Globalization;
using System.Text;

namespace DelegateBot.Reminders.Delivery;

public sealed record ReasonCount(string Reason, int Count);

/// <summary>
/// Where a broadcast stands: how many conversations it reached, how many are still to go (waiting for a retry, or
/// in flight) and how many failed, with the reasons. <see cref="Resumed"/> counts sends taken over after an
/// instance stopped mid-send: each of those may have reached its conversation twice.
/// </summary>
public sealed record DeliveryReport(
    BroadcastInfo Broadcast, int Sent, int Pending, int Sending, int Failed,
    IReadOnlyList<ReasonCount> Failures, IReadOnlyList<ReasonCount> Waiting,
    int Attempts, int Retried, int Resumed, DateTimeOffset? LastSentAt)
{
    public bool Complete => Pending == 0 && Sending == 0;

    public static DeliveryReport From(BroadcastInfo broadcast, IReadOnlyList<(string Status, string? Reason, int Count, int Attempts, int Interrupted, int Retried, DateTimeOffset? LastSent)> tally)
    {
        int Count(string status) => tally.Where(t => t.Status == status).Sum(t => t.Count);
        IReadOnlyList<ReasonCount> Reasons(string status) => tally.Where(t => t.Status == status && t.Reason is not null)
            .GroupBy(t => t.Reason!).Select(g => new ReasonCount(g.Key, g.Sum(t => t.Count))).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new DeliveryReport(broadcast, Count(BroadcastLedger.Sent), Count(BroadcastLedger.Pending), Count(BroadcastLedger.Sending), Count(BroadcastLedger.Failed),
            Reasons(BroadcastLedger.Failed), Reasons(BroadcastLedger.Pending),
            tally.Sum(t => t.Attempts), tally.Sum(t => t.Retried), tally.Sum(t => t.Interrupted), tally.Max(t => t.LastSent));
    }

    /// <summary>"everyone", "the registrants of X", "the subscribers of X/Y".</summary>
    public static string Describe(Audience audience) => audience.Kind switch
    {
        AudienceKind.MeetingRegistrants => $"the registrants of {audience.MeetingId}",
        AudienceKind.SessionSubscribers => $"the subscribers of {audience.MeetingId}/{audience.SessionId}",
        _ => "everyone",
    };

    /// <summary>The report as a few lines of plain text (chat and CLI).</summary>
    public string ToText()
    {
        var b = Broadcast;
        var sb = new StringBuilder();
        sb.Append("Delivery report ").Append(b.Id);
        if (b.Summary is not null) sb.Append(": \"").Append(b.Summary).Append('"');
        sb.AppendLine();
        sb.Append("To ").Append(Describe(b.Audience)).Append(", ").Append(b.Recipients).Append(" conversation(s), requested by ").Append(b.RequestedBy)
          .Append(" at ").AppendLine(Utc(b.CreatedAt));
        sb.Append("Sent ").Append(Sent).Append(", pending ").Append(Pending + Sending).Append(", failed ").Append(Failed);
        sb.AppendLine(Complete ? (LastSentAt is { } last ? $" (complete; last sent {Utc(last)})" : " (complete)") : " (in progress)");
        if (Failures.Count > 0) sb.Append("Failed: ").AppendLine(string.Join("; ", Failures.Select(r => $"{r.Count} × {r.Reason}")));
        if (Waiting.Count > 0) sb.Append("Waiting to retry after: ").AppendLine(string.Join("; ", Waiting.Select(r => $"{r.Count} × {r.Reason}")));
        if (Sending > 0) sb.Append(Sending).AppendLine(" being sent now.");
        if (Retried > 0) sb.Append("Retried: ").Append(Retried).Append(" conversation(s) needed more than one attempt (").Append(Attempts).AppendLine(" attempts in all).");
        if (Resumed > 0) sb.Append("Resumed after an interruption: ").Append(Resumed).AppendLine(" send(s); each may have arrived twice if the channel had taken it before the stop.");
        return sb.ToString().TrimEnd();
    }

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Delivery reports by broadcast id or key, and the list of recent broadcasts.</summary>
public sealed class DeliveryReports(BroadcastLedger ledger)
{
    public async Task<DeliveryReport?> GetAsync(string idOrKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(idOrKey)) return null;
        var broadcast = await ledger.FindAsync(idOrKey, cancellationToken);
        return broadcast is null ? null : DeliveryReport.From(broadcast, await ledger.TallyAsync(broadcast.Id, cancellationToken));
    }

    /// <summary>The report of the latest organiser broadcast (session pushes left out), if any.</summary>
    public async Task<DeliveryReport?> LatestAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await ledger.ListAsync(1, organisersOnly: true, cancellationToken)).FirstOrDefault();
        return latest is null ? null : DeliveryReport.From(latest, await ledger.TallyAsync(latest.Id, cancellationToken));
    }

    /// <summary>The latest broadcasts with their reports, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryReport>> ListAsync(int limit, bool organisersOnly = false, CancellationToken cancellationToken = default)
    {
        var list = new List<DeliveryReport>();
        foreach (var b in await ledger.ListAsync(limit, organisersOnly, cancellationToken))
            list.Add(DeliveryReport.From(b, await ledger.TallyAsync(b.Id, cancellationToken)));
        return list;
    }
}

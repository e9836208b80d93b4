using DelegateBot.Core.Registrations;
using DelegateBot.Reminders.Subscriptions;

namespace DelegateBot.Reminders.Delivery;

/// <summary>
/// Who an audience is, at this moment: always the active subscribers only (not stopped, not blocked). Registrants
/// are matched by user key (the Entra object id, else channel and user id), so a registration made in one chat
/// counts for that person's one-to-one conversation with the bot.
/// </summary>
public sealed class AudienceResolver(SubscriptionStore subscriptions, RegistrationStore registrations)
{
    public async Task<IReadOnlyList<Subscription>> ResolveAsync(Audience audience, CancellationToken cancellationToken = default)
    {
        var active = await subscriptions.ListActiveAsync(cancellationToken);
        switch (audience.Kind)
        {
            case AudienceKind.Everyone:
                return active;
            case AudienceKind.MeetingRegistrants:
            {
                var registrants = await RegistrantsAsync(audience, cancellationToken);
                return active.Where(s => s.UserKey is not null && registrants.Contains(s.UserKey)).ToList();
            }
            case AudienceKind.SessionSubscribers:
            {
                if (string.IsNullOrWhiteSpace(audience.SessionId)) throw new ArgumentException("A session audience needs a session id.", nameof(audience));
                var registrants = await RegistrantsAsync(audience, cancellationToken);
                var muted = await subscriptions.MutedAsync(audience.MeetingId!, cancellationToken);
                return active.Where(s => !muted.Contains(s.Key)
                    && (s.Mode == SubscriptionMode.AllSessions || (s.UserKey is not null && registrants.Contains(s.UserKey)))).ToList();
            }
            default:
                throw new ArgumentException($"Unknown audience '{audience.Kind}'.", nameof(audience));
        }
    }

    private async Task<HashSet<string>> RegistrantsAsync(Audience audience, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(audience.MeetingId)) throw new ArgumentException($"A {audience.Kind} audience needs a meeting id.", nameof(audience));
        return (await registrations.ListAsync(audience.MeetingId, cancellationToken: cancellationToken)).Select(r => r.UserKey).ToHashSet(StringComparer.Ordinal);
    }
}

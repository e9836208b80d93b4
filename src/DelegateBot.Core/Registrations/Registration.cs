namespace DelegateBot.Core.Registrations;

public enum RegistrationStatus
{
    Active,
    Cancelled,
}

/// <summary>
/// Who is registering: the chat identity, and the email once given. One person has one registration per
/// meeting, found by their chat identity or by their email (the same delegate from Teams and Web Chat).
/// </summary>
public sealed record RegistrantIdentity(string ChannelId, string UserId, string? AadObjectId = null, string? Email = null)
{
    /// <summary>The Entra object id when the channel gives one (stable across Teams and other Microsoft channels), else channel:user.</summary>
    public string UserKey => string.IsNullOrWhiteSpace(AadObjectId) ? $"{ChannelId}:{UserId}" : $"aad:{AadObjectId.Trim().ToLowerInvariant()}";
}

/// <summary>One answer of the form: what is stored (and exported) and, for lists, each item.</summary>
public sealed record RegistrationAnswer(string Value)
{
    /// <summary>The items of a multi-choice answer (empty for others).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}

/// <summary>A stored registration.</summary>
public sealed record Registration
{
    public required string Id { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string MeetingId { get; init; }
    public required string UserKey { get; init; }
    public string? ChannelId { get; init; }
    public string? UserId { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public required string FullName { get; init; }
    /// <summary>Every answer by step id, in the order of the form.</summary>
    public required IReadOnlyDictionary<string, RegistrationAnswer> Answers { get; init; }
    public string? Locale { get; init; }
    public RegistrationStatus Status { get; init; } = RegistrationStatus.Active;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
}

/// <summary>What the flow hands the store: who, for which meeting, and the answers.</summary>
public sealed record RegistrationRequest(string MeetingId, RegistrantIdentity Who, string FullName, IReadOnlyDictionary<string, RegistrationAnswer> Answers, string? Locale);

/// <summary>The saved registration, and whether it replaced an earlier one of the same person.</summary>
public sealed record RegistrationSaveResult(Registration Registration, bool Updated);

namespace DelegateBot.Core.Registrations;

/// <summary>Settings of registration, bound from the "Registration" configuration section.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>The flow definition; relative to the content root (the current directory).</summary>
    public string DefinitionPath { get; set; } = "dialogs/registration.yaml";

    /// <summary>The registrations database; by default registrations.db next to the bot's state database.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Accept registrations after the deadline (and for meetings whose dates have passed), for every meeting.</summary>
    public bool AllowLate { get; set; }

    /// <summary>Per-meeting settings, by agenda meeting id (see "agenda" in the CLI for the ids).</summary>
    public Dictionary<string, MeetingRegistrationOptions> Meetings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>What an organiser may set for one meeting.</summary>
public sealed class MeetingRegistrationOptions
{
    /// <summary>true offers registration for a meeting the documents give no deadline or contact for; false withdraws it.</summary>
    public bool? Open { get; set; }

    /// <summary>Accept registrations after this meeting's deadline.</summary>
    public bool? AllowLate { get; set; }

    /// <summary>Replaces the deadline the documents give (YYYY-MM-DD).</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>Replaces the registration contact the documents give.</summary>
    public string? Contact { get; set; }

    /// <summary>Replaces the interpretation languages the documents give.</summary>
    public List<string>? InterpretationLanguages { get; set; }

    /// <summary>Calling code for phone numbers typed without one ("1" for New York).</summary>
    public string? CountryCode { get; set; }
}

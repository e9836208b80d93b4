namespace DelegateBot.Core.Agenda;

/// <summary>Settings of section "Agenda".</summary>
public sealed class AgendaOptions
{
    public const string Section = "Agenda";

    /// <summary>Folder of the meeting documents and of the corrections file (relative to the content root); used
    /// when the host has no knowledge index (otherwise the index's folder, "Knowledge:Path", is used).</summary>
    public string KnowledgePath { get; set; } = "knowledge";

    /// <summary>The organiser's corrections, relative to <see cref="KnowledgePath"/>.</summary>
    public string OverridesFile { get; set; } = "agenda.yaml";

    /// <summary>IANA zone for meetings whose venue does not tell one (and agenda.yaml does not set one).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Extra places (city or country -> IANA zone) beyond the built-in list.</summary>
    public Dictionary<string, string> Places { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rebuild when agenda.yaml changes on disk.</summary>
    public bool WatchOverrides { get; set; } = true;

    /// <summary>Rehearsal: replay a meeting as if its first session started at <see cref="RehearsalStart"/>.</summary>
    public string? RehearsalMeetingId { get; set; }
    public DateTimeOffset? RehearsalStart { get; set; }
}

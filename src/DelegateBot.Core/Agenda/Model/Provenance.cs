namespace DelegateBot.Core.Agenda;

/// <summary>How a value of the agenda was obtained; answers say when the organiser corrected a value.</summary>
public enum ProvenanceKind
{
    /// <summary>Read from a meeting document.</summary>
    Extracted,
    /// <summary>Set by the organiser in the corrections file (knowledge/agenda.yaml).</summary>
    Corrected,
    /// <summary>Worked out from other values (a time zone from the venue, an end time from the next session).</summary>
    Derived,
}

/// <summary>Where a value of the agenda came from, so an answer built from it can cite it.</summary>
/// <param name="Document">The document's title (or "Organiser corrections" for agenda.yaml).</param>
/// <param name="Source">File path relative to the knowledge folder ("unitar-seminar-2007.txt", "agenda.yaml").</param>
/// <param name="Location">Human-readable place in the file ("line 42").</param>
public sealed record Provenance(string Document, string Source, string Location)
{
    /// <summary>The line the value was read from, for citations.</summary>
    public string? Excerpt { get; init; }

    public ProvenanceKind Kind { get; init; } = ProvenanceKind.Extracted;

    public override string ToString() => $"{Source}, {Location}";
}

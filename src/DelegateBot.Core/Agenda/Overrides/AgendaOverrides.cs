namespace DelegateBot.Core.Agenda.Overrides;

/// <summary>A value of agenda.yaml with the line it is written on (for provenance and error messages).</summary>
internal sealed record YamlValue(string Text, int Line, IReadOnlyList<string>? Items = null);

/// <summary>One entry of "meetings:" or of a meeting's "sessions:".</summary>
internal sealed class OverrideEntry
{
    public required int Line { get; init; }
    public required string Path { get; init; }
    public Dictionary<string, YamlValue> Fields { get; } = new(StringComparer.Ordinal);
    public List<OverrideEntry> Sessions { get; } = [];

    public YamlValue? this[string key] => Fields.GetValueOrDefault(key);
}

/// <summary>The organiser's corrections file, parsed but not yet applied.</summary>
internal sealed class AgendaOverrides
{
    public YamlValue? DefaultTimeZone { get; set; }
    public List<OverrideEntry> Meetings { get; } = [];
    public required string FileName { get; init; }
    /// <summary>The file's lines, to quote them in provenance.</summary>
    public required string[] Lines { get; init; }

    public Provenance At(int line) => new("Organiser corrections", FileName, $"line {line}")
    {
        Kind = ProvenanceKind.Corrected,
        Excerpt = line >= 1 && line <= Lines.Length ? Lines[line - 1].Trim() : null,
    };
}

/// <summary>agenda.yaml could not be used; every problem is listed with its line.</summary>
public sealed class AgendaOverridesException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

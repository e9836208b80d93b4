using System.Text;

namespace DelegateBot.Core.Agenda;

/// <summary>The agenda as readable text, each value followed by where it came from ("← file, line 12").</summary>
public static class AgendaText
{
    public static string Render(Agenda agenda)
    {
        var sb = new StringBuilder();
        foreach (var m in agenda.Meetings)
        {
            sb.Append(m.Title).Append("  [").Append(m.Id).AppendLine("]");
            Field(sb, "When", m.DatesText + (m.Hours.Count > 0 ? ", " + string.Join(" and ", m.Hours.Select(h => AgendaTime.FormatTimes(h.Start, h.End))) : ""), m.SourceOf(AgendaFields.Dates));
            Field(sb, "Time zone", m.TimeZone, m.SourceOf(AgendaFields.TimeZone));
            Field(sb, "Where", m.Venue, m.SourceOf(AgendaFields.Venue));
            Field(sb, "Room", m.Room, m.SourceOf(AgendaFields.Room));
            Field(sb, "Organiser", m.Organiser, m.SourceOf(AgendaFields.Organiser));
            Field(sb, "Language", m.Language, m.SourceOf(AgendaFields.Language));
            Field(sb, "Interpretation", m.Interpretation, m.SourceOf(AgendaFields.Interpretation));
            Field(sb, "Registration", m.RegistrationContact, m.SourceOf(AgendaFields.RegistrationContact));
            foreach (var d in m.Deadlines) Field(sb, "Deadline", $"{AgendaTime.FormatDate(d.Date)} ({d.For})", d.Provenance);
            foreach (var s in m.Sessions)
            {
                var time = s.Start is null ? "  (no time)" : $"  {(m.DayOf(s) is { } day && m.StartDate != m.EndDate ? day.ToString("dd MMM ", System.Globalization.CultureInfo.InvariantCulture) : "")}{AgendaTime.FormatTimes(s.Start, s.End)}";
                sb.Append("    ").Append(time.Trim().PadRight(18)).Append(' ').Append(s.Title).Append(s.Pushes ? "" : " [no push]")
                  .Append("   ← ").Append(Cite(s.SourceOf(AgendaFields.Time))).AppendLine();
                if (s.Chair is not null) sb.Append("        Chair: ").Append(s.Chair).Append("   ← ").AppendLine(Cite(s.SourceOf(AgendaFields.Chair)));
                if (s.Panelists.Count > 0) sb.Append("        Panelists: ").AppendLine(string.Join("; ", s.Panelists.Select(p => p.Name)));
                if (s.Speakers.Count > 0) sb.Append("        Speakers: ").AppendLine(string.Join("; ", s.Speakers.Select(p => p.Name)));
                if (s.KeyQuestions.Count > 0) sb.Append("        Key questions: ").Append(s.KeyQuestions.Count).Append("   ← ").AppendLine(Cite(s.SourceOf(AgendaFields.KeyQuestions)));
            }
            sb.AppendLine();
        }
        foreach (var d in agenda.Deadlines)
            sb.Append("Deadline ").Append(AgendaTime.FormatDate(d.Date)).Append(" (").Append(d.For).Append(")   ← ").AppendLine(Cite(d.Provenance));
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string label, string? value, Provenance source)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        sb.Append("  ").Append((label + ":").PadRight(16)).Append(value).Append("   ← ").AppendLine(Cite(source));
    }

    private static string Cite(Provenance p) =>
        p.Kind switch
        {
            ProvenanceKind.Corrected => $"{p.Source}, {p.Location} (organiser correction)",
            ProvenanceKind.Derived => $"{p.Source}, {p.Location} ({p.Excerpt})",
            _ => $"{p.Source}, {p.Location}",
        };
}

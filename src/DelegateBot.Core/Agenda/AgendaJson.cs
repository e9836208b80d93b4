using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DelegateBot.Core.Agenda;

/// <summary>The agenda as JSON for the CLI (--json) and GET /agenda: the model plus instants with offsets
/// ("startsAt": "2011-05-19T15:00:00-04:00") so clients need no time zone database.</summary>
public static class AgendaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static object Shape(Agenda agenda) => new
    {
        meetings = agenda.Meetings.Select(m => new
        {
            m.Id, m.Title, m.StartDate, m.EndDate, m.Year, m.Month, dates = m.DatesText, m.Venue, m.Place, m.Room, m.Organiser,
            m.Language, m.Interpretation, m.TimeZone, m.RegistrationContact, registrationDeadline = m.RegistrationDeadline?.Date,
            m.Hours, m.Pushes,
            sessions = m.Sessions.Select(s => new
            {
                s.Id, s.Title, s.Kind, date = m.DayOf(s), s.Start, s.End, startsAt = m.StartOf(s), endsAt = m.EndOf(s), s.Chair, s.Panelists,
                s.Speakers, s.KeyQuestions, s.Description, s.Room, s.Pushes, s.Provenance, s.Sources,
            }),
            m.Deadlines, m.Provenance, m.Sources,
        }),
        deadlines = agenda.Deadlines,
        problems = agenda.Problems,
    };

    public static string Serialize(Agenda agenda) => JsonSerializer.Serialize(Shape(agenda), Options);
}

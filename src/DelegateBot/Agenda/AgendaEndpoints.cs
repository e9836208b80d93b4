using DelegateBot.Core.Agenda;

namespace DelegateBot.Agenda;

public static class AgendaEndpoints
{
    /// <summary>GET /agenda (JSON) and GET /agenda.ics (iCalendar; ?meeting=id for one meeting, ?utc=true for UTC times).</summary>
    public static IEndpointRouteBuilder MapAgendaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agenda", (AgendaService agenda, string? meeting) =>
        {
            var current = agenda.Current;
            if (meeting is not null && current.FindMeeting(meeting) is null) return UnknownMeeting(current, meeting);
            var shown = meeting is null ? current : current with { Meetings = [current.FindMeeting(meeting)!], Deadlines = [] };
            return Results.Json(AgendaJson.Shape(shown), AgendaJson.Options);
        });
        app.MapGet("/agenda.ics", (AgendaService agenda, string? meeting, bool? utc) =>
        {
            if (meeting is not null && agenda.Current.FindMeeting(meeting) is null) return UnknownMeeting(agenda.Current, meeting);
            var ics = agenda.ExportICalendar(meeting, utc ?? false);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", (meeting ?? "agenda") + ".ics");
        });
        return app;
    }

    private static IResult UnknownMeeting(Core.Agenda.Agenda agenda, string id) =>
        Results.NotFound(new { error = $"No meeting '{id}' on the agenda.", meetings = agenda.Meetings.Select(m => m.Id) });
}

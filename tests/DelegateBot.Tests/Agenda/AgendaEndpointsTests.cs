using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DelegateBot.Tests.Agenda;

/// <summary>GET /agenda.ics and GET /agenda through the real host pipeline.</summary>
public class AgendaEndpointsTests(AgendaEndpointsTests.Host host) : IClassFixture<AgendaEndpointsTests.Host>
{
    public sealed class Host : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("Knowledge:Path", AgendaPaths.KnowledgeFolder);
    }

    [Fact]
    public async Task Agenda_ics_is_a_calendar_with_the_debate_panels()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/agenda.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("agenda.ics", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.Contains("SUMMARY:Panel one: The Contribution of migrants to development\r\n", ics);
        Assert.Contains("DTSTART;TZID=America/New_York:20110519T102000\r\n", ics);
    }

    [Fact]
    public async Task One_meeting_in_utc_and_an_unknown_meeting_is_404()
    {
        using var client = host.CreateClient();
        var ics = await client.GetStringAsync("/agenda.ics?meeting=informal-thematic-debate-on-international-migration-and-2011&utc=true");
        Assert.Equal(5, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART:20110519T190000Z", ics); // 15:00 in New York
        var missing = await client.GetAsync("/agenda.ics?meeting=nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No meeting 'nope'", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Agenda_json_has_meetings_sessions_instants_and_provenance()
    {
        using var client = host.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/agenda"));
        Assert.Equal(0, json.RootElement.GetProperty("problems").GetArrayLength()); // the repository's agenda.yaml is valid
        var debate = json.RootElement.GetProperty("meetings").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == "informal-thematic-debate-on-international-migration-and-2011");
        Assert.Equal("America/New_York", debate.GetProperty("timeZone").GetString());
        var two = debate.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "panel-two");
        Assert.Equal("2011-05-19T15:00:00-04:00", two.GetProperty("startsAt").GetString());
        Assert.Equal("15:00:00", two.GetProperty("start").GetString());
        Assert.Equal(4, two.GetProperty("keyQuestions").GetArrayLength());
        Assert.Equal("ga-thematic-debate-migration-development-2011.txt", two.GetProperty("provenance").GetProperty("source").GetString());
        Assert.Equal("session", two.GetProperty("kind").GetString());
    }
}

internal static class AgendaPaths
{
    public static string RepoRoot { get; } = Find();
    public static string KnowledgeFolder => Path.Combine(RepoRoot, "knowledge");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("DelegateBot.sln not found");
    }
}

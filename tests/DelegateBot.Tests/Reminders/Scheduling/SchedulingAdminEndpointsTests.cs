using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DelegateBot.Hosting;
using DelegateBot.Cli;
using DelegateBot.Tests.Bot;
using static DelegateBot.Tests.Reminders.Scheduling.SchedulingHarness;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>The rehearsal and schedule admin API through the real host, its Quartz store in a temp folder.</summary>
public sealed class SchedulingAdminEndpointsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-sched-api-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_organiser_schedules_lists_and_cancels_a_rehearsal_with_the_api_key()
    {
        await using var app = new BotAppFactory(_folder, new Dictionary<string, string?> { ["Admin:ApiKey"] = "organiser-key" });
        using var client = app.CreateClient();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var body = new { meeting = DebateId, at };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/admin/rehearsals", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/schedule")).StatusCode);

        client.DefaultRequestHeaders.Add("X-Api-Key", "organiser-key");
        var created = await client.PostAsJsonAsync("/admin/rehearsals", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var plan = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
            Assert.Equal(5, plan.RootElement.GetProperty("pushes").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(_folder, "scheduler.db"))); // next to the bot's state database

        using (var schedule = JsonDocument.Parse(await client.GetStringAsync("/admin/schedule")))
        {
            var items = schedule.RootElement.EnumerateArray().ToList();
            Assert.Equal(5, items.Count);
            Assert.All(items, i => Assert.Equal("rehearsal", i.GetProperty("kind").GetString()));
            Assert.All(items, i => Assert.Equal("scheduled", i.GetProperty("state").GetString()));
        }

        var unknown = await client.PostAsJsonAsync("/admin/rehearsals", new { meeting = "nope", at });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No meeting 'nope'", await unknown.Content.ReadAsStringAsync());

        var cancelled = await client.DeleteAsync($"/admin/rehearsals/{DebateId}");
        using (var result = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync()))
            Assert.Equal(5, result.RootElement.GetProperty("cancelled").GetInt32());
        Assert.Equal("[]", await client.GetStringAsync("/admin/schedule"));
    }

    [Theory]
    [InlineData(new[] { "rehearse" }, "name a meeting")]
    [InlineData(new[] { "rehearse", DebateId }, "--at")]
    [InlineData(new[] { "rehearse", DebateId, "--at", "2030-01-10T15:00" }, "is not a time")]
    public async Task The_rehearse_verb_explains_what_is_missing(string[] args, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DelegateBotApp.RunAsync(args, new CliContext([], new StringReader(""), output, error));
        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString());
        Assert.Contains("Usage: rehearse", error.ToString());
    }
}

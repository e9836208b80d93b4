using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DelegateBot.Tests.Bot;

namespace DelegateBot.Tests.Reminders.Broadcasts;

/// <summary>POST/GET/DELETE /admin/broadcasts through the real host, with the organisers' key.</summary>
public sealed class BroadcastAdminEndpointsTests : IAsyncLifetime
{
    private ChatHost _host = null!;
    private TestChannel _channel = null!;
    private BotAppFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKey"] = "organiser-key" });
        (_channel, _app) = (_host.Channel, _host.App);
        foreach (var delegateId in new[] { "29:amina", "29:bruno" }) await _host.Chat.SayAsync(delegateId, "hello");
        _admin = _app.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "organiser-key");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_broadcast_is_accepted_delivered_and_reported_and_its_key_makes_a_retry_harmless()
    {
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/admin/broadcasts", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/broadcasts")).StatusCode);

        var body = new { text = "The plenary resumes at 15:00 in the General Assembly Hall", audience = "everyone", key = "ops-2026-11-23-1" };
        var accepted = await _admin.PostAsJsonAsync("/admin/broadcasts", body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var ticket = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        var id = ticket.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(2, ticket.RootElement.GetProperty("recipients").GetInt32());
        Assert.Equal($"/admin/broadcasts/{id}", accepted.Headers.Location!.OriginalString);

        var again = await _admin.PostAsJsonAsync("/admin/broadcasts", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(id, await again.Content.ReadAsStringAsync());

        await _channel.WaitForCallsAsync(2);
        JsonElement report = default;
        for (var i = 0; i < 100; i++, await Task.Delay(50))
        {
            report = JsonDocument.Parse(await _admin.GetStringAsync($"/admin/broadcasts/{id}")).RootElement;
            if (report.GetProperty("complete").GetBoolean()) break;
        }
        Assert.Equal((2, 0, 0, "admin-api"), (report.GetProperty("sent").GetInt32(), report.GetProperty("pending").GetInt32(), report.GetProperty("failed").GetInt32(), report.GetProperty("requestedBy").GetString()));
        Assert.Equal("Everyone", report.GetProperty("audience").GetProperty("kind").GetString());
        await Task.Delay(200);
        Assert.Equal(2, _channel.Calls.Count);

        using var list = JsonDocument.Parse(await _admin.GetStringAsync("/admin/broadcasts"));
        Assert.Equal(id, list.RootElement.GetProperty("broadcasts")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/broadcasts/B-NOSUCH")).StatusCode);
    }

    [Fact]
    public async Task A_broadcast_at_a_time_is_scheduled_listed_and_cancelled()
    {
        var at = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:00'Z'");
        var created = await _admin.PostAsJsonAsync("/admin/broadcasts", new { text = "Registration for the seminar closes tonight", audience = "registrants", meetingId = "migration-and-development-series-seminar-on-building-2007", at });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var key = body.RootElement.GetProperty("key").GetString()!;
        Assert.Equal(0, body.RootElement.GetProperty("recipientsNow").GetInt32());

        using (var list = JsonDocument.Parse(await _admin.GetStringAsync("/admin/broadcasts")))
            Assert.Equal(key, list.RootElement.GetProperty("scheduled")[0].GetProperty("key").GetString());
        using (var waiting = JsonDocument.Parse(await _admin.GetStringAsync($"/admin/broadcasts/{Uri.EscapeDataString(key)}")))
            Assert.Equal("scheduled", waiting.RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _admin.DeleteAsync($"/admin/broadcasts/{Uri.EscapeDataString(key)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync($"/admin/broadcasts/{Uri.EscapeDataString(key)}")).StatusCode);
        Assert.Empty(_channel.Calls);
    }

    [Theory]
    [InlineData("""{"audience":"everyone"}""", "Give the message as")]
    [InlineData("""{"text":"x","audience":"martians"}""", "Unknown audience 'martians'")]
    [InlineData("""{"text":"x","audience":"registrants"}""", "needs the meeting")]
    [InlineData("""{"text":"x","audience":"registrants","meetingId":"no-such-meeting"}""", "No meeting 'no-such-meeting'")]
    [InlineData("""{"text":"x","audience":"session","meetingId":"informal-thematic-debate-on-international-migration-and-2011","sessionId":"panel-nine"}""", "No session of informal-thematic-debate-on-international-migration-and-2011 'panel-nine'")]
    [InlineData("""{"text":"x","at":"tomorrow at noon"}""", "must be ISO 8601 with an offset")]
    [InlineData("""{"text":"x","at":"2001-01-01T00:00:00Z"}""", "is in the past")]
    [InlineData("""{"text":"x",""", "")]
    public async Task Bad_input_gets_400_with_the_reason(string json, string reason)
    {
        var response = await _admin.PostAsync("/admin/broadcasts", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(_channel.Calls);
    }
}

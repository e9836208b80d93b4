using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DelegateBot.Tests.DirectLine;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// What organisers (and only they) get: the registrations listed in chat for the organisers named in configuration,
/// the CSV export over the authenticated admin endpoint (RFC 4180 quoting, UTF-8 with BOM), and the same export from
/// the "registrations" CLI verb run as its own process, as an organiser runs it on the server.
/// </summary>
public sealed class RegistrationOrganiserTests : IAsyncLifetime
{
    private const string ApiKey = "organisers-key-6d1f0c";
    private const string OrganiserAadId = "5f0c2b1e-8d7a-4c3e-9b1a-2e4f6a8c0d11";
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await RegistrationBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = ApiKey,
            ["Organisers:0"] = "boss",
            ["Organisers:1"] = OrganiserAadId,
        });
        await _bot.PlayAsync(new Person("amina"), NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered
            """);
        // Commas, quotes, a line break and a would-be spreadsheet formula, typed in chat.
        await _bot.PlayAsync(new Person("jean"), NominationForm.ToTheName, """
            user: Jean "JD" Dupont, Jr.
            bot:  What is your title
            user: =HYPERLINK("http://example.org")
            bot:  Which Permanent Mission
            user: Permanent Mission of France
            bot:  Which committee
            user: C3
            bot:  What email address
            user: jean.dupont@france-mission.org
            bot:  What phone number
            user: skip
            bot:  Which sessions
            user: 2
            bot:  Will you need interpretation
            user: no
            bot:  Anything else
            user: Wheelchair access, please\nand a "quiet" room
            bot:  Please check your registration | Jean \"JD\" Dupont, Jr.
            user: confirm
            bot:  You are registered
            """);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Organisers_named_in_configuration_list_registrations_in_chat_and_others_are_refused()
    {
        await _bot.PlayAsync(new Person("boss"), """
            user: list registrations
            bot:  Migration and Development Series Seminar on Building Partnerships: 2 registration(s) | Amina Diallo <amina.diallo@senegal-mission.org>
                | Jean "JD" Dupont, Jr. <jean.dupont@france-mission.org> | Full CSV export: GET /admin/registrations.csv?meeting=ID (API key)
            """);
        await _bot.PlayAsync(new Person("someone", "fr-FR", AadObjectId: OrganiserAadId), """
            user: liste des inscriptions
            bot:  Migration and Development Series Seminar on Building Partnerships: 2 inscription(s) | Export CSV complet
            """);
        await _bot.PlayAsync(new Person("bob"), """
            user: who registered?
            bot:  Only the meeting organisers can list registrations. | !Amina
            """);
    }

    [Fact]
    public async Task The_admin_endpoint_exports_csv_to_holders_of_the_api_key_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetCsvAsync(null)).StatusCode);
        var wrong = await GetCsvAsync("X-Api-Key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await wrong.Content.ReadAsByteArrayAsync());

        var response = await GetCsvAsync("X-Api-Key", ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("registrations.csv", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);

        // RFC 4180: CRLF after every record; quotes around fields with commas, quotes or line breaks; quotes doubled.
        Assert.Contains("\"Jean \"\"JD\"\" Dupont, Jr.\"", csv);
        Assert.Contains("\"Wheelchair access, please\nand a \"\"quiet\"\" room\"", csv);
        var rows = ParseCsv(csv);
        Assert.Equal(["confirmation_number", "meeting_id", "status", "created_at", "updated_at", "fullName", "title", "organisation", "committee",
            "email", "phone", "sessions", "interpretation", "notes", "channel_id", "user_id", "aad_object_id"], rows[0]);
        Assert.Equal(3, rows.Count);
        var jean = rows.Single(r => r[5].StartsWith("Jean", StringComparison.Ordinal));
        Assert.Equal(["active", "Jean \"JD\" Dupont, Jr.", "'=HYPERLINK(\"http://example.org\")", "Third Committee", "Second session", "",
            "Wheelchair access, please\nand a \"quiet\" room", "emulator", "jean"], new[] { 2, 5, 6, 8, 11, 12, 13, 14, 15 }.Select(i => jean[i]));
        var amina = rows.Single(r => r[5] == "Amina Diallo");
        Assert.Equal(["+1 212 963 3021", "First session; Third session", "French"], new[] { 10, 11, 12 }.Select(i => amina[i]));

        var bearer = await GetCsvAsync("Authorization", "Bearer " + ApiKey);
        Assert.Equal(bytes, await bearer.Content.ReadAsByteArrayAsync());
        var seminarOnly = await GetCsvAsync("X-Api-Key", ApiKey, $"?meeting={RegistrationBot.SeminarId}");
        Assert.Equal($"registrations-{RegistrationBot.SeminarId}.csv", seminarOnly.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(bytes, await seminarOnly.Content.ReadAsByteArrayAsync());
        Assert.Single(ParseCsv(Encoding.UTF8.GetString((await (await GetCsvAsync("X-Api-Key", ApiKey, "?meeting=another-meeting")).Content.ReadAsByteArrayAsync())[3..])));

        // A registration cancelled by its delegate leaves the export, and comes back with all=true.
        await _bot.PlayAsync(new Person("jean"), """
            user: cancel my registration
            bot:  Cancel your registration
            user: yes
            bot:  is cancelled
            """);
        Assert.Equal(2, ParseCsv(await CsvTextAsync("")).Count);
        var all = ParseCsv(await CsvTextAsync("?all=true"));
        Assert.Equal("cancelled", all.Single(r => r[5].StartsWith("Jean", StringComparison.Ordinal))[2]);

        // Without a configured key, nobody gets in.
        await _bot.RestartAsync(s => s.Remove("Admin:ApiKey"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetCsvAsync("X-Api-Key", ApiKey)).StatusCode);
    }

    [Fact]
    public async Task The_registrations_verb_lists_and_exports_the_same_csv_as_the_admin_endpoint()
    {
        // The verb reads appsettings.json of the folder it runs in, as on the server.
        var folder = Directory.CreateDirectory(Path.Combine(_bot.Folder, "server")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), $$"""
            { "Registration": { "DatabasePath": {{System.Text.Json.JsonSerializer.Serialize(_bot.RegistrationsDatabase)}},
                                "DefinitionPath": {{System.Text.Json.JsonSerializer.Serialize(RegistrationBot.RepoFile("dialogs", "registration.yaml"))}} } }
            """);
        var exported = Path.Combine(folder, "out", "registrations.csv");

        var (code, output) = await RunVerbAsync(folder, "registrations", "export", "--meeting", RegistrationBot.SeminarId, "--out", exported);
        Assert.True(code == 0, output);
        Assert.Contains($"Wrote 2 registration(s) to {exported}", output);
        Assert.Equal(await (await GetCsvAsync("X-Api-Key", ApiKey)).Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(exported));

        (code, output) = await RunVerbAsync(folder, "registrations", "list");
        Assert.True(code == 0, output);
        var numbers = (await _bot.Store.ListAsync()).Select(r => r.ConfirmationNumber).ToList();
        Assert.All(numbers, n => Assert.Contains($"{n}  {RegistrationBot.SeminarId}  active", output));
        Assert.Contains("Amina Diallo  amina.diallo@senegal-mission.org", output);
        Assert.Contains($"2 registration(s) in {_bot.RegistrationsDatabase}", output);

        (code, output) = await RunVerbAsync(folder, "registrations", "export");
        Assert.Equal(2, code);
        Assert.Contains("export needs --out FILE", output);
    }

    private async Task<HttpResponseMessage> GetCsvAsync(string? header, string? value = null, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/registrations.csv" + query);
        if (header is not null) request.Headers.TryAddWithoutValidation(header, value);
        return await _bot.Client.SendAsync(request);
    }

    private async Task<string> CsvTextAsync(string query)
    {
        var response = await GetCsvAsync("X-Api-Key", ApiKey, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
    }

    /// <summary>The built DelegateBot executable, run with <c>dotnet</c> in <paramref name="folder"/>.</summary>
    private static Task<(int ExitCode, string Output)> RunVerbAsync(string folder, params string[] args)
        => NodeTools.RunAsync("dotnet", [typeof(Program).Assembly.Location, .. args], folder, TimeSpan.FromMinutes(2));

    /// <summary>A strict RFC 4180 reader: records end with CRLF; quoted fields may hold commas, CR, LF and doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') field.Append(csv[++i]);
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"An unquoted field holds a quote or line break at {i}: {csv}");
                field.Append(c);
            }
        }
        Assert.True(field.Length == 0 && row.Count == 0 && !quoted, "The CSV does not end with CRLF.");
        return rows;
    }
}

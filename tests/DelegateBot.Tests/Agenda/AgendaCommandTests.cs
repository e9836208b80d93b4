using DelegateBot.Agenda;
using DelegateBot.Core.Agenda;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Agenda;

/// <summary>The "agenda" CLI verb over a copy of the seed documents.</summary>
public sealed class AgendaCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agenda-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public AgendaCommandTests()
    {
        foreach (var file in Directory.GetFiles(AgendaPaths.KnowledgeFolder, "*.txt"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    private AgendaCommand Command() =>
        new(new AgendaService(Options.Create(new AgendaOptions { KnowledgePath = _folder }), new FakeTimeProvider(new DateTimeOffset(2011, 5, 1, 0, 0, 0, TimeSpan.Zero))), _out, _err);

    [Fact]
    public async Task Prints_the_agenda_with_provenance()
    {
        Assert.Equal(0, await Command().RunAsync(["agenda"]));
        var text = _out.ToString();
        Assert.Contains("Informal Thematic Debate on International Migration and Development  [informal-thematic-debate-on-international-migration-and-2011]", text);
        Assert.Contains("10:20–13:00".PadRight(18) + " Panel one: The Contribution of migrants to development   ← ga-thematic-debate-migration-development-2011.txt, line ", text);
        Assert.Contains("Room:           Conference Room 9   ← unitar-seminar-building-partnerships-2007.txt, line ", text);
        Assert.Contains("Deadline:       Friday 2 March 2007 (registration)", text);
    }

    [Fact]
    public async Task Writes_ics_and_json()
    {
        var path = Path.Combine(_folder, "out.ics");
        Assert.Equal(0, await Command().RunAsync(["agenda", "--ics", path]));
        Assert.StartsWith("Wrote " + path, _out.ToString());
        Assert.Contains("BEGIN:VEVENT", await File.ReadAllTextAsync(path));
        Assert.Equal(0, await Command().RunAsync(["agenda", "--json", "--meeting", "experts-symposium-2011"]));
        Assert.Contains("\"id\": \"experts-symposium-2011\"", _out.ToString());
    }

    [Fact]
    public async Task Answers_an_agenda_question_on_a_given_clock()
    {
        Assert.Equal(0, await Command().RunAsync(["agenda", "--ask", "what's next?", "--now", "2011-05-19T12:00:00-04:00"]));
        Assert.Contains("Now: Panel one", _out.ToString());
        Assert.Contains("[ga-thematic-debate-migration-development-2011.txt, line ", _out.ToString());
    }

    [Fact]
    public async Task Check_reports_an_invalid_corrections_file_and_bad_options_show_usage()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "agenda.yaml"), "meetings:\n  - match: experts-symposium-2011\n    start: nine\n");
        Assert.Equal(1, await Command().RunAsync(["agenda", "--check"]));
        Assert.Contains("agenda.yaml line 3: unknown key 'start' in meetings[0]", _err.ToString());
        Assert.Equal(2, await Command().RunAsync(["agenda", "--frobnicate"]));
        Assert.Contains("unknown option '--frobnicate'", _err.ToString());
        Assert.Contains("usage: agenda", _err.ToString());
    }

    [Fact]
    public async Task The_executable_dispatches_the_agenda_verb()
    {
        var console = new DelegateBot.Cli.CliContext([], TextReader.Null, _out, _err);
        var code = await DelegateBot.Hosting.DelegateBotApp.RunAsync(["agenda", "--knowledge", _folder, "--ask", "who speaks after panel one?"], console);
        Assert.Equal(0, code);
        Assert.StartsWith("After Panel one: Panel two: Improving international cooperation on migration and development", _out.ToString());
        // The knowledge index ingested the documents; provenance still names the file's own line.
        var line = int.Parse(System.Text.RegularExpressions.Regex.Match(_out.ToString(), @"\[ga-thematic-debate-migration-development-2011\.txt, line (\d+)\] 15:00").Groups[1].Value);
        Assert.StartsWith("15:00 – 17:40", File.ReadAllLines(Path.Combine(_folder, "ga-thematic-debate-migration-development-2011.txt"))[line - 1]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

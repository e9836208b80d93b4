using System.Globalization;
using DelegateBot.Cli;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Agenda;

/// <summary>
/// CLI verb "agenda": prints the agenda with where each value came from, or exports it.
///   agenda                          the agenda, with provenance
///   agenda --json                   as JSON
///   agenda --ics FILE [--utc]       as iCalendar ("-" writes to the console)
///   agenda --meeting ID             one meeting only
///   agenda --check                  validate knowledge/agenda.yaml (exit code 1 on problems)
///   agenda --ask "QUESTION" [--now 2011-05-19T14:30:00-04:00]   answer an agenda question
///   agenda --knowledge DIR ...      another knowledge folder
/// </summary>
public sealed class AgendaCommand : ICliCommand
{
    private readonly AgendaService? _agenda;
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    /// <summary>The verb of the CLI table: builds the knowledge index and the agenda from configuration when run.</summary>
    public AgendaCommand() : this(null!, null, null) { }

    /// <summary>A verb over a given agenda (tests, or a host that already has one).</summary>
    public AgendaCommand(AgendaService agenda, TextWriter? output = null, TextWriter? error = null)
    {
        _agenda = agenda;
        _out = output ?? Console.Out;
        _err = error ?? Console.Error;
    }

    public string Name => "agenda";

    string ICliCommand.Usage => "agenda [--json | --ics FILE [--utc] | --check | --ask QUESTION [--now ISO-8601]] [--meeting ID] [--knowledge DIR]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.ToList();
        var overrides = new Dictionary<string, string?>();
        var k = args.IndexOf("--knowledge");
        if (k >= 0)
        {
            if (k + 1 >= args.Count || !Directory.Exists(args[k + 1]))
            {
                await context.Error.WriteLineAsync($"agenda: --knowledge needs an existing folder.\n{Usage}");
                return 2;
            }
            overrides[$"{KnowledgeOptions.SectionName}:Path"] = Path.GetFullPath(args[k + 1]);
            overrides[$"{AgendaOptions.Section}:KnowledgePath"] = Path.GetFullPath(args[k + 1]);
            args.RemoveRange(k, 2);
        }
        using var host = CliHost.Build(b =>
        {
            b.Services.AddKnowledge(b.Configuration);
            b.Services.AddAgenda(b.Configuration);
        }, overrides);
        return await new AgendaCommand(host.Services.GetRequiredService<AgendaService>(), context.Out, context.Error).RunAsync([.. args]);
    }

    public const string Usage = """
        usage: agenda [--json | --ics FILE [--utc] | --check | --ask QUESTION [--now ISO-8601]] [--meeting ID] [--knowledge DIR]
          (no option)   print the agenda, each value with the document and line it came from
          --json        print the agenda as JSON (the same as GET /agenda)
          --ics FILE    write the agenda as iCalendar to FILE ("-" for the console); --utc writes UTC times
          --meeting ID  only that meeting (ids are shown by "agenda")
          --check       validate knowledge/agenda.yaml; exit code 1 when it has problems
          --ask Q       answer an agenda question; --now sets the clock (e.g. 2011-05-19T14:30:00-04:00)
          --knowledge DIR  read the documents and agenda.yaml of another folder
        """;

    /// <summary>Runs the verb with its arguments (a leading "agenda" is accepted).</summary>
    public async Task<int> RunAsync(string[] args)
    {
        if (_agenda is null)
            return await RunAsync(new CliContext(args, Console.In, _out, _err), CancellationToken.None);
        var agenda = _agenda;
        string? ics = null, meetingId = null, question = null;
        DateTimeOffset? now = null;
        bool json = false, utc = false, check = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "agenda" when i == 0: break;
                    case "--json": json = true; break;
                    case "--ics": ics = Value(); break;
                    case "--utc": utc = true; break;
                    case "--meeting": meetingId = Value(); break;
                    case "--check": check = true; break;
                    case "--ask": question = Value(); break;
                    case "--now":
                        var text = Value();
                        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                            throw new ArgumentException($"--now '{text}' is not a date and time (e.g. 2011-05-19T14:30:00-04:00)");
                        now = parsed;
                        break;
                    case "-h" or "--help":
                        await _out.WriteLineAsync(Usage);
                        return 0;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                await _err.WriteLineAsync($"agenda: {e.Message}\n{Usage}");
                return 2;
            }
        }

        var current = agenda.Current;
        foreach (var problem in current.Problems) await _err.WriteLineAsync("agenda: " + problem);
        if (check)
        {
            await _out.WriteLineAsync(current.Problems.Count == 0
                ? $"{Path.Combine(agenda.KnowledgeFolder, "agenda.yaml")}: OK ({current.Meetings.Count} meetings on the agenda)"
                : "The corrections were not applied; fix the lines above.");
            return current.Problems.Count == 0 ? 0 : 1;
        }
        if (meetingId is not null && current.FindMeeting(meetingId) is null)
        {
            await _err.WriteLineAsync($"agenda: no meeting '{meetingId}'. Meetings: {string.Join(", ", current.Meetings.Select(m => m.Id))}");
            return 2;
        }
        if (question is not null)
        {
            var answer = now is { } at ? agenda.TryAnswer(question, at) : agenda.TryAnswer(question);
            if (answer is null)
            {
                await _err.WriteLineAsync("agenda: not an agenda question (ask it with the \"ask\" command to search the documents).");
                return 1;
            }
            await _out.WriteLineAsync(answer.Text);
            foreach (var c in answer.Citations) await _out.WriteLineAsync($"  [{c.Source ?? c.Document}, {c.Location}] {c.Excerpt}");
            return answer.Found ? 0 : 1;
        }
        if (ics is not null)
        {
            var calendar = agenda.ExportICalendar(meetingId, utc);
            if (ics == "-") await _out.WriteAsync(calendar);
            else
            {
                await File.WriteAllTextAsync(ics, calendar);
                await _out.WriteLineAsync($"Wrote {ics} ({calendar.Split("BEGIN:VEVENT").Length - 1} events).");
            }
            return 0;
        }
        var shown = meetingId is null ? current : current with { Meetings = [current.FindMeeting(meetingId)!], Deadlines = [] };
        await _out.WriteAsync(json ? AgendaJson.Serialize(shown) + Environment.NewLine : AgendaText.Render(shown));
        return 0;
    }
}

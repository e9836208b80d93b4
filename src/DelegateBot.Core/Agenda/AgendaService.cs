using DelegateBot.Core.Agenda.Calendar;
using DelegateBot.Core.Agenda.Extraction;
using DelegateBot.Core.Agenda.Overrides;
using DelegateBot.Core.Agenda.Questions;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Agenda;

/// <summary>
/// The current agenda: extracted from the knowledge documents, corrected by agenda.yaml, rebuilt when either
/// changes; answers agenda questions on its clock (the real one, or a rehearsal clock) and exports iCalendar.
/// </summary>
public sealed class AgendaService
{
    private readonly AgendaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Places _places;
    private readonly object _gate = new();
    private readonly KnowledgeIndex? _knowledge;
    // One extractor for every build: a rebuild reads again only the documents that changed.
    private readonly AgendaExtractor _extractor;
    private IReadOnlyList<KnowledgeDocument>? _documents;
    private volatile Agenda? _agenda;
    private volatile RehearsalClock? _rehearsal;

    /// <param name="knowledge">The knowledge index, when the host has one: the agenda is then built from its ingested
    /// documents and rebuilt whenever it re-indexes. Without it the agenda reads the folder's .txt/.md files itself.</param>
    public AgendaService(IOptions<AgendaOptions> options, TimeProvider time, ILogger<AgendaService>? logger = null, KnowledgeIndex? knowledge = null)
    {
        _options = options.Value;
        _time = time;
        _knowledge = knowledge;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _places = new Places(_options.Places);
        _extractor = new AgendaExtractor(_options.DefaultTimeZone, _options.Places);
        if (knowledge is not null) knowledge.Rebuilt += _ => Rebuild(knowledge.Documents);
        if (!AgendaTime.IsKnownZone(_options.DefaultTimeZone))
            throw new InvalidOperationException($"Agenda:DefaultTimeZone '{_options.DefaultTimeZone}' is not an IANA time zone (e.g. America/New_York).");
        if (_options.RehearsalMeetingId is not null && _options.RehearsalStart is null)
            throw new InvalidOperationException("Agenda:RehearsalMeetingId is set but Agenda:RehearsalStart is not.");
    }

    /// <summary>Raised after every rebuild (documents or agenda.yaml changed), for the reminder scheduler.</summary>
    public event Action<Agenda>? Changed;

    /// <summary>The agenda; on first use it is built from the .txt/.md files of the knowledge folder.</summary>
    public Agenda Current
    {
        get
        {
            if (_agenda is { } a) return a;
            // Documents are fetched outside the lock: the index raises Rebuilt under its own lock and the handler
            // takes this one, so holding this one while waiting for the index could deadlock.
            var documents = CurrentDocuments();
            lock (_gate)
                return _agenda ?? Build(documents);
        }
    }

    /// <summary>The knowledge folder (the index's when there is one), where agenda.yaml lives.</summary>
    public string KnowledgeFolder => _knowledge?.FolderPath ?? Path.GetFullPath(_options.KnowledgePath);

    private IReadOnlyList<KnowledgeDocument> CurrentDocuments() =>
        _knowledge?.Documents ?? KnowledgeFolderReader.Read(KnowledgeFolder);

    /// <summary>Rebuilds from the knowledge index's documents; call it whenever they change.</summary>
    public Agenda Rebuild(IEnumerable<KnowledgeDocument> documents)
    {
        lock (_gate) return Build(documents.ToList());
    }

    /// <summary>Re-applies agenda.yaml to the same documents (the file changed).</summary>
    public Agenda ReloadOverrides()
    {
        var documents = _documents ?? CurrentDocuments();
        lock (_gate) return Build(documents);
    }

    /// <summary>"Now" for agenda questions: the rehearsal clock when a rehearsal runs, otherwise the real one.</summary>
    public TimeProvider Clock
    {
        get
        {
            if (_rehearsal is { } r) return r;
            if (_options.RehearsalMeetingId is { } id && _options.RehearsalStart is { } start && Current.FindMeeting(id) is { } m)
                return _rehearsal = RehearsalClock.For(m, start, _time);
            return _time;
        }
    }

    public bool IsRehearsal => Clock is RehearsalClock;

    /// <summary>Replays <paramref name="meetingId"/> as if its first session started at <paramref name="realStart"/>.</summary>
    public RehearsalClock StartRehearsal(string meetingId, DateTimeOffset realStart)
    {
        var meeting = Current.FindMeeting(meetingId) ?? throw new ArgumentException($"No meeting '{meetingId}' on the agenda.", nameof(meetingId));
        return _rehearsal = RehearsalClock.For(meeting, realStart, _time);
    }

    public void StopRehearsal() => _rehearsal = null;

    /// <summary>The answer to an agenda-shaped question, or null so the knowledge answer service answers it.</summary>
    public Answer? TryAnswer(string question) => TryAnswer(question, Clock.GetUtcNow());

    public Answer? TryAnswer(string question, DateTimeOffset now) =>
        new AgendaQuestions(Current, now, IsRehearsal).TryAnswer(question);

    /// <summary>The agenda as an iCalendar file (RFC 5545), all meetings or one.</summary>
    public string ExportICalendar(string? meetingId = null, bool utc = false)
    {
        var meetings = meetingId is null ? Current.Meetings : Current.Meetings.Where(m => m.Id == meetingId).ToList();
        return new ICalendarWriter(_time.GetUtcNow(), utc).Write(meetings);
    }

    private Agenda Build(IReadOnlyList<KnowledgeDocument> documents)
    {
        _documents = documents;
        var overridesName = _options.OverridesFile;
        var meetingDocuments = documents.Where(d => !string.Equals(d.Source, overridesName, StringComparison.OrdinalIgnoreCase)).ToList();
        var extracted = _extractor.Extract(meetingDocuments, KnowledgeFolderReader.SourceText(KnowledgeFolder));
        var agenda = extracted;
        var path = Path.Combine(KnowledgeFolder, overridesName);
        if (File.Exists(path))
        {
            try
            {
                var file = AgendaOverridesReader.Parse(File.ReadAllText(path), overridesName);
                agenda = new AgendaOverridesApplier(_places).Apply(extracted, file);
            }
            catch (AgendaOverridesException e)
            {
                // The documents' agenda stays in service; the organiser sees why the corrections were not applied.
                foreach (var error in e.Errors) _logger.LogError("Agenda corrections not applied: {Error}", error);
                agenda = extracted with { Problems = e.Errors.Prepend($"{overridesName} was not applied; the agenda comes from the documents only.").ToList() };
            }
            catch (IOException e)
            {
                agenda = extracted with { Problems = [$"{overridesName} could not be read: {e.Message}"] };
            }
        }
        _agenda = agenda;
        _logger.LogInformation("Agenda built: {Meetings} meetings, {Sessions} sessions, {Deadlines} deadlines ({Read} of {Documents} documents read, the others unchanged)",
            agenda.Meetings.Count, agenda.Meetings.Sum(m => m.Sessions.Count), agenda.AllDeadlines.Count, _extractor.DocumentsRead, meetingDocuments.Count);
        Changed?.Invoke(agenda);
        return agenda;
    }
}

using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// Reads the programme structure of a document line by line: timed items ("10:20 – 13:00 Panel one: ..."), date
/// headers, "Chair:", "Panelists:" with their bullets, numbered key questions after "Focus of discussion" or
/// "key questions", and sessions described without times ("Morning session: ...", "A first session will ...").
/// </summary>
internal static partial class ProgrammeParser
{
    private enum Mode { None, Speakers, Panelists, Questions, Description }

    public static (List<SessionDraft> Sessions, List<ProgrammeBlock> Blocks) Parse(DocumentLines doc)
    {
        var sessions = new List<SessionDraft>();
        var blocks = new List<ProgrammeBlock>();
        ProgrammeBlock? block = null;
        SessionDraft? current = null;
        var mode = Mode.None;
        var questionBudget = 0;
        DateMatch? day = null;
        var dayLine = 0;
        var proseSinceTimed = 0;
        var previousWasQuestion = false;
        var itemLine = -1; // last line of the current timed item's block (its title line and the lines glued to it)

        foreach (var line in doc.Lines)
        {
            if (line.IsBlank) { previousWasQuestion = false; continue; }
            var text = line.Text;

            if (line.ItemNumber is null && !line.Bullet && doc.WholeLineDate(line) is { } header)
            {
                day = header;
                dayLine = line.Number;
                if (block is not null && proseSinceTimed == 0) block.Days.Add(header);
                mode = Mode.None;
                continue;
            }

            if (line.ItemNumber is null && TimeExpressions.TryParseLineStart(text, out var range, out var rest) && rest.Length > 0 && char.IsLetter(rest[0]))
            {
                if (block is null || proseSinceTimed > 0)
                {
                    block = new ProgrammeBlock { Index = blocks.Count, FirstLine = line.Number };
                    blocks.Add(block);
                    if (day is not null && line.Number - dayLine < 12) block.Days.Add(day);
                    else day = null;
                }
                proseSinceTimed = 0;
                block.LastLine = line.Number;
                current = new SessionDraft
                {
                    Title = rest, Line = line.Number, Provenance = doc.At(line.Number), Day = day, Start = range.Start, End = range.End,
                    Kind = BreakTitle().IsMatch(rest) ? SessionKind.Break : SessionKind.Session, Block = block.Index,
                };
                if (TitleSpeakers().IsMatch(rest)) current.Speakers.AddRange(People.FindAll(rest));
                sessions.Add(current);
                block.Sessions.Add(current);
                mode = Mode.Speakers;
                itemLine = line.Number;
                continue;
            }

            if (current is not null && Chair().Match(text) is { Success: true } chair)
            {
                var value = chair.Groups["p"].Value;
                if (People.ParseOne(RawAfterColon(line.Raw) ?? value) is { } person)
                {
                    current.Chair = person;
                    current.Sources[AgendaFields.Chair] = doc.At(line.Number);
                }
                mode = Mode.None;
                continue;
            }

            if (current is not null && PanelHeader().Match(text) is { Success: true } panel)
            {
                mode = panel.Groups["kind"].Value.StartsWith("Speaker", StringComparison.OrdinalIgnoreCase) ? Mode.Speakers : Mode.Panelists;
                var target = mode == Mode.Speakers ? current.Speakers : current.Panelists;
                target.AddRange(People.FindAll(panel.Groups["rest"].Value));
                current.Sources[mode == Mode.Speakers ? AgendaFields.Speakers : AgendaFields.Panelists] = doc.At(line.Number);
                continue;
            }

            if (QuestionsTrigger().IsMatch(text))
            {
                mode = Mode.Questions;
                questionBudget = 3;
                previousWasQuestion = false;
                if (current is not null && !current.Sources.ContainsKey(AgendaFields.KeyQuestions))
                    current.Sources[AgendaFields.KeyQuestions] = doc.At(line.Number);
                continue;
            }

            if (line.ItemNumber is not null && mode == Mode.Questions && current is not null)
            {
                current.KeyQuestions.Add(text);
                previousWasQuestion = true;
                continue;
            }

            if ((line.Bullet || line.Indented || People.StartsWithHonorific(text)) && current is not null && mode is Mode.Panelists or Mode.Speakers)
            {
                // A bullet is one person; a plain line may list several ("Mr. A, President of X Mr. B, ...").
                var people = line.Bullet ? [People.ParseOne(line.Raw)] : People.StartsWithHonorific(text) ? People.FindAll(text).Cast<Person?>().ToList() : [];
                if (people.Count > 0 && people.All(p => p is not null))
                {
                    (mode == Mode.Panelists ? current.Panelists : current.Speakers).AddRange(people!);
                    current.Sources.TryAdd(mode == Mode.Panelists ? AgendaFields.Panelists : AgendaFields.Speakers, doc.At(line.Number));
                    continue;
                }
                if (line.Indented && current.Timed)
                {
                    current.Description.Add(text);
                    current.Speakers.AddRange(People.FindAll(text));
                    continue;
                }
            }

            // A line glued to a timed item ("Speeches by Mr. ... and Mr. ...") belongs to it, indented or not.
            if (current is { Timed: true } && line.Number == itemLine + 1 && !QuestionsTrigger().IsMatch(text))
            {
                itemLine = line.Number;
                if (People.StartsWithHonorific(text) && People.ParseOne(line.Raw) is { } speaker) current.Speakers.Add(speaker);
                else
                {
                    current.Description.Add(text);
                    current.Speakers.AddRange(People.FindAll(text));
                }
                continue;
            }

            if (UntimedHeader().Match(text) is { Success: true } h && text.Length <= 200 && !text.EndsWith('.'))
            {
                current = new SessionDraft { Title = h.Groups["title"].Value.Trim(), Line = line.Number, Provenance = doc.At(line.Number) };
                current.Sources[AgendaFields.Title] = doc.At(line.Number);
                sessions.Add(current);
                mode = Mode.Description;
                proseSinceTimed++;
                continue;
            }

            if (ProseSession().Match(text) is { Success: true } p)
            {
                var label = char.ToUpperInvariant(p.Groups["ord"].Value[0]) + p.Groups["ord"].Value[1..].ToLowerInvariant() + " " + p.Groups["head"].Value.ToLowerInvariant();
                current = new SessionDraft { Title = label, Line = line.Number, Provenance = doc.At(line.Number) };
                current.Description.Add(text);
                current.Sources[AgendaFields.Description] = doc.At(line.Number);
                sessions.Add(current);
                mode = Mode.None;
                proseSinceTimed++;
                continue;
            }

            // Plain prose or a heading.
            if (mode == Mode.Questions)
            {
                if (previousWasQuestion && current is not null && current.KeyQuestions.Count > 0 && !IsHeading(text))
                {
                    current.KeyQuestions[^1] += " " + text; // a question wrapped onto the next line
                    continue;
                }
                if (current is not null && current.KeyQuestions.Count == 0 && questionBudget-- > 0) continue;
                mode = Mode.None;
            }
            if (IsHeading(text))
            {
                if (current is { Timed: false }) current = null;
                if (mode == Mode.Description) mode = Mode.None;
                if (!current?.Timed ?? true) proseSinceTimed++;
                continue;
            }
            if (mode == Mode.Description && current is not null && !current.Timed)
            {
                if (current.Description.Sum(d => d.Length) < 2000) current.Description.Add(text);
                current.Sources.TryAdd(AgendaFields.Description, doc.At(line.Number));
                continue;
            }
            if (WordCount(text) >= 12)
            {
                proseSinceTimed++;
                if (current is { Timed: true }) current = null;
                mode = Mode.None;
            }
        }
        return (sessions, blocks);
    }

    /// <summary>A short line without closing punctuation: a heading such as "Focus of discussion" or "Provisional Program".</summary>
    internal static bool IsHeading(string text) =>
        WordCount(text) <= 12 && !text.EndsWith('.') && !text.EndsWith(':') && !text.EndsWith(',') && !text.EndsWith('?');

    /// <summary>The words between spaces (as many as <c>Split(' ', RemoveEmptyEntries)</c> gives, without making them).</summary>
    internal static int WordCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) count++;
        return count;
    }

    // The raw text after "Chair:" keeps bold markers that separate name from role.
    private static string? RawAfterColon(string raw)
    {
        var i = raw.IndexOf(':');
        return i < 0 ? null : raw[(i + 1)..];
    }

    [GeneratedRegex(@"^(?:lunch|coffee|tea|break|networking break|recess|health break)\b", RegexOptions.IgnoreCase)] private static partial Regex BreakTitle();
    [GeneratedRegex(@"\b(?:by|with)\s+(?:H\.\s?E\.|Mr|Ms|Mrs|Dr|Prof|Professor|Sir|Dame|Ambassador)\b")] private static partial Regex TitleSpeakers();
    [GeneratedRegex(@"^(?:(?:Co-)?Chair(?:person|man|s)?|Moderator|Facilitator|Presiding)\s*:\s*(?<p>.+)$|^(?:Chaired|Moderated|Facilitated) by\s+(?<p>.+)$", RegexOptions.IgnoreCase)] private static partial Regex Chair();
    [GeneratedRegex(@"^(?<kind>Panel+ists|Speakers|Discussants|Lead discussants|Presenters|Keynote speakers?|Respondents)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)] private static partial Regex PanelHeader();
    [GeneratedRegex(@"\bkey questions?\b|^focus of (?:the )?discussion|\bquestions? for discussion\b|\bguiding questions\b|\bdiscussion questions\b|\bquestions to be addressed\b|\bpoints for discussion\b", RegexOptions.IgnoreCase)] private static partial Regex QuestionsTrigger();
    [GeneratedRegex(@"^(?<label>(?:(?:morning|afternoon|evening|opening|closing|plenary|parallel|special|high-level|interactive|final|concluding|introductory|first|second|third|fourth|fifth)\s+)?(?:session|panel|round[- ]?table|segment|working group|breakout group)(?:\s+(?:[IVX]+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|[A-H]))?)\s*[:–—-]\s*(?<title>\S.{2,160})$", RegexOptions.IgnoreCase)] private static partial Regex UntimedHeader();
    [GeneratedRegex(@"^(?:A|The)\s+(?<ord>first|second|third|fourth|fifth|sixth|final|last|closing|opening|concluding)\s+(?<head>session|panel|segment|round[- ]?table)\s+(?:will|would|is to|shall|is expected to|aims to|is intended to)\b", RegexOptions.IgnoreCase)] private static partial Regex ProseSession();
}

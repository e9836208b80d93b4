namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>Attaching programme blocks to the event they belong to, and choosing the document's main event.</summary>
internal sealed partial class DocumentExtractor
{
    // ---- programme --------------------------------------------------------------------------------------------

    private void AttachBlock(ProgrammeBlock block)
    {
        var days = block.Days.Select(d => CompleteYear(d, block.FirstLine)).Where(d => d.Start is not null).ToList();
        var previousEnd = _blocksSeen.Count == 0 ? 0 : _blocksSeen[^1];
        _blocksSeen.Add(block.LastLine);

        int Score(MeetingDraft d)
        {
            var score = _mentions.Count(x => x.Draft == d && LineOf(x.Sentence) > previousEnd && LineOf(x.Sentence) < block.FirstLine) * 2;
            if (d.Date?.Start is { } s && days.Any(x => x.Start <= d.Date.Last && s <= x.Last)) score += 10;
            else if (d.Date?.Year is { } y && days.Count > 0 && days.All(x => x.Year != y)) score -= 20;
            else if (d.Date is not null && d.Date.HasDay && days.Count > 0) score -= 20;
            if (d.FirstLine > block.LastLine) score -= 20;
            if (d.FirstLine <= previousEnd && score < 10) score -= 5;
            return score;
        }

        var target = _drafts.Where(d => d.Sessions.Count == 0).Select(d => (d, s: Score(d))).Where(x => x.s > 0)
            .OrderByDescending(x => x.s).ThenBy(x => x.d.FirstLine).Select(x => x.d).FirstOrDefault();
        if (target is null)
        {
            var at = _doc.At(block.FirstLine);
            target = new MeetingDraft
            {
                Name = $"Programme of {_doc.Document.Title}", Head = "meeting", FirstSeen = at, FirstLine = block.FirstLine, Source = _doc.Document.Source,
            };
            target.Sources[AgendaFields.Title] = at;
            _drafts.Add(target);
        }
        foreach (var s in block.Sessions)
        {
            if (s.Day is not null) s.Day = CompleteYear(s.Day, s.Line);
            target.Sessions.Add(s);
        }
        if (days.Count > 0)
        {
            var first = days.Min(d => d.Start!.Value);
            var last = days.Max(d => d.Last!.Value);
            var span = new DateMatch(0, 0, first.Year, first.Month, first.Day, last.Month, last.Day);
            if (target.Date is null || !target.Date.HasDay) target.SetDate(span, _doc.At(block.FirstLine - 1 > 0 ? HeaderLine(block) : block.FirstLine));
        }
        ReadVenueLines(block, target);
    }

    private readonly List<int> _blocksSeen = [];

    private int LineOf(int sentenceIndex) => _sentences[sentenceIndex].Line;

    private int HeaderLine(ProgrammeBlock block)
    {
        for (var n = block.FirstLine - 1; n >= Math.Max(1, block.FirstLine - 12); n--)
            if (_doc.WholeLineDate(_doc.Lines[n - 1]) is not null) return n;
        return block.FirstLine;
    }

    /// <summary>Lines just above a programme that name the room and venue ("Conference Room 4, North Lawn Building, UN Headquarters, New York").</summary>
    private void ReadVenueLines(ProgrammeBlock block, MeetingDraft target)
    {
        for (var n = block.FirstLine - 1; n >= Math.Max(1, block.FirstLine - 10); n--)
        {
            var text = _doc.Lines[n - 1].Text;
            if (text.Length == 0 || text.Length > 160) continue;
            var room = Room().Match(text);
            var place = _places.Find(text).LastOrDefault();
            if (!room.Success && place is null) continue;
            var at = _doc.At(n);
            if (room.Success) target.Set(AgendaFields.Room, room.Value.TrimEnd('.'), at, v => target.Room = v);
            if (place is not null)
            {
                var venue = room.Success ? text.Remove(room.Index, room.Length).Trim(' ', ',', ';') : text;
                target.SetPlace(place.Place, venue.Length > 0 ? venue : place.Place.Name, at);
            }
            break;
        }
    }

    // ---- choosing the main meeting -------------------------------------------------------------------------------

    private MeetingDraft? MainDraft()
    {
        if (_drafts.Count == 0) return null;
        return _drafts.OrderByDescending(d =>
                d.Sessions.Count * 5 + d.Mentions + (MeetingNames.SameEvent(d.Name, _doc.Document.Title) ? 6 : 0) + (d.FirstLine < 30 ? 2 : 0))
            .ThenBy(d => d.FirstLine).First();
    }

    private MeetingDraft NearestDraftBefore(int line, MeetingDraft main)
    {
        var withProgramme = _drafts.Where(d => d.Sessions.Count > 0 && d.Sessions.Any(s => s.Timed)).ToList();
        if (withProgramme.Count <= 1) return main;
        return withProgramme.Where(d => d.Sessions.Min(s => s.Line) <= line + 200).OrderBy(d => Math.Abs(d.Sessions.Min(s => s.Line) - line)).FirstOrDefault() ?? main;
    }
}

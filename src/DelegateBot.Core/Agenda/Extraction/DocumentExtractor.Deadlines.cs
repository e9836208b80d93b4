using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>Deadlines ("Registration deadline: 2 March 2007", "the deadline for submission (30 April 2008)") and the registration address.</summary>
internal sealed partial class DocumentExtractor
{
    // ---- deadlines and registration -------------------------------------------------------------------------

    private void ReadDeadlines(string text, MeetingDraft? eventInSentence, Provenance at, int line)
    {
        var found = DateExpressions.Find(text, bareYears: false);
        if (found.Count == 0) return;
        var dates = found.Select(d => CompleteYear(d, line)).Where(d => d.Start is not null).ToList();
        if (dates.Count == 0) return;
        // Each "deadline" takes the date nearest after it (or before it: "by 2 March, the registration deadline").
        var cues = DeadlineWord().Matches(text).Select(m => m.Index).ToList();
        if (cues.Count == 0 && ByDate().Match(text) is { Success: true } by) cues.Add(by.Index);
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            var limit = i + 1 < cues.Count ? cues[i + 1] : text.Length;
            var date = dates.FirstOrDefault(d => d.Index > cue && d.Index < limit) ?? dates.LastOrDefault(d => d.Index < cue);
            if (date is null) continue;
            var from = Math.Max(0, i > 0 ? cues[i - 1] + 1 : 0);
            var part = text[from..Math.Max(limit, date.End)];
            var forText = ForWhat(part);
            var kind = KindOf(forText + " " + (forText == "deadline" ? part : ""));
            var deadline = new Deadline(kind, date.Start!.Value, forText, at);
            if (eventInSentence is not null && eventInSentence.Date?.Start != date.Start) eventInSentence.Deadlines.Add(deadline);
            else if (kind == DeadlineKind.Registration) _orphanFacts.Add(m => m.Deadlines.Add(deadline));
            else _looseDeadlines.Add(deadline);
        }
    }

    private static string ForWhat(string text)
    {
        if (DeadlineFor().Match(text) is { Success: true } f) return f.Groups["for"].Value.Trim();
        if (KindBefore().Match(text) is { Success: true } k) return k.Groups["for"].Value.Trim().ToLowerInvariant();
        if (ByDate().Match(text) is { Success: true } b) return b.Groups["what"].Value.Trim().ToLowerInvariant();
        return "deadline";
    }

    private static DeadlineKind KindOf(string text) =>
        Regex.IsMatch(text, @"\bregist|\bnominat|\bparticipa|\baccreditat", RegexOptions.IgnoreCase) ? DeadlineKind.Registration
        : Regex.IsMatch(text, @"\bsubmi|\bquestionnaire|\bcomments?\b|\bcontributions?\b|\bresponses?\b|\bproposals?\b|\babstracts?\b|\bpapers?\b", RegexOptions.IgnoreCase) ? DeadlineKind.Submission
        : Regex.IsMatch(text, @"\bappl(y|ication)", RegexOptions.IgnoreCase) ? DeadlineKind.Application
        : DeadlineKind.Other;

    /// <summary>The address block after "return it to the following address:" (or "Contact:").</summary>
    private void ReadRegistrationContact()
    {
        var lines = _doc.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!ContactIntro().IsMatch(lines[i].Text)) continue;
            var block = new List<string>();
            var j = i + 1;
            while (j < lines.Count && lines[j].IsBlank) j++;
            var firstLine = j + 1;
            for (; j < lines.Count && !lines[j].IsBlank && block.Count < 8; j++)
            {
                if (DeadlineWord().IsMatch(lines[j].Text)) break;
                block.Add(lines[j].Text);
            }
            if (block.Count == 0) continue;
            var at = _doc.At(firstLine, string.Join(", ", block));
            var contact = string.Join(", ", block);
            _orphanFacts.Add(m => m.Set(AgendaFields.RegistrationContact, contact, at, v => m.RegistrationContact = v));
        }
    }

    [GeneratedRegex(@"\bdeadlines?\b|\bclosing date\b", RegexOptions.IgnoreCase)] private static partial Regex DeadlineWord();
    [GeneratedRegex(@"\bdeadline\s+(?:for|to)\s+(?<for>[\w\s-]{3,60}?)\s*(?:\(|:|is\b|was\b|will\b|,|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineFor();
    [GeneratedRegex(@"\b(?<for>registration|nomination|submission|application|abstract|comment)s?\s+deadline\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindBefore();
    [GeneratedRegex(@"\b(?<what>register|registration|nominations?|submit|submissions?|applications?|apply)\b[^.]{0,60}?\b(?:no later than|not later than|by|before)\s+(?:\w+day,?\s+)?\d{1,2}\s+[A-Z]", RegexOptions.IgnoreCase)]
    private static partial Regex ByDate();
    [GeneratedRegex(@"(?:following address|address below|to the address|Contact:?\s*$|contact details:?\s*$)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactIntro();
}

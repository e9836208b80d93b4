namespace DelegateBot.Core.Knowledge.Ingestion;

internal enum ParagraphKind
{
    /// <summary>A sure heading: markdown "#", "II. ...", "A. ...", "1. Short Title", ALL CAPS.</summary>
    Heading,
    /// <summary>A short line without closing punctuation: a weak heading or a header line (date, venue, label).</summary>
    ShortLine,
    /// <summary>Running text: a sentence or more.</summary>
    Prose,
    /// <summary>A bulleted line.</summary>
    ListItem,
    /// <summary>A timed programme line: "15:00 – 17:40 Panel two: ...".</summary>
    ProgrammeLine,
}

/// <summary>A logical paragraph of a normalised document, with its place in the original file.</summary>
internal sealed class Paragraph
{
    public required ParagraphKind Kind { get; set; }
    public required string Text { get; set; }
    public required int FirstLine { get; init; }
    public int LastLine { get; set; }
    /// <summary>Blank-line-separated block of the source it came from; lines of one block belong together.</summary>
    public required int Block { get; init; }
    public int HeadingLevel { get; set; }
    /// <summary>The heading came from markdown "#" marks (or a format's heading style), not from its shape.</summary>
    public bool FromMarkdown { get; init; }
    /// <summary>"15" for a numbered paragraph, "e" for a lettered one.</summary>
    public string? Number { get; set; }
    public bool Lettered { get; set; }
    public bool Bullet { get; set; }
    /// <summary>Page furniture (a page number, a form feed) came just before: a sentence may run on from the last page.</summary>
    public bool AfterPageBreak { get; init; }

    public bool EndsOpen => Text.Length > 0 && !".?!:;".Contains(Text[^1]);
    public bool IsLeadIn => Text.EndsWith(':');
    public override string ToString() => $"{Kind} {FirstLine}-{LastLine}: {Text}";
}

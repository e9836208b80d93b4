namespace DelegateBot.Core.Knowledge;

/// <summary>Settings of the knowledge feature, bound to the "Knowledge" configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The folder of meeting documents; relative paths are taken from the content root (current directory).</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>The editable glossary of acronyms and synonyms, relative to <see cref="Path"/>.</summary>
    public string GlossaryFile { get; set; } = Acronyms.GlossaryFile.DefaultName;

    /// <summary>Re-index when a file of the folder is added, changed or removed (the running service only).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last file event before re-indexing, so a copy in progress is read once, whole.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Safety rescan of the folder, for file systems whose change events get lost (network shares, containers).</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The poppler pdftotext executable used for .pdf files.</summary>
    public string PdfToText { get; set; } = "pdftotext";

    /// <summary>How many passages BM25 retrieval hands to the answer scorer.</summary>
    public int CandidatePassages { get; set; } = 24;

    internal string FullPath => System.IO.Path.GetFullPath(Path);

    internal string GlossaryPath => System.IO.Path.Combine(FullPath, GlossaryFile);
}

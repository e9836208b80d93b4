namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>Turns one file format into text with its line structure (paragraphs separated by blank lines).</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, with the dot (".txt").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads the file; throws <see cref="DocumentReadException"/> with a message for a person.</summary>
    RawDocument Read(string path);
}

/// <param name="Text">Text with line breaks; markdown heading marks ("# ") are kept so structure survives.</param>
/// <param name="TitleHint">A title the format itself declares (HTML &lt;title&gt;, .docx core properties).</param>
public sealed record RawDocument(string Text, string? TitleHint = null);

/// <summary>A file that cannot be read, with a message that says why and what to do.</summary>
public sealed class DocumentReadException(string message, Exception? inner = null) : Exception(message, inner);

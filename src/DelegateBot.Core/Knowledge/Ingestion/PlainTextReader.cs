namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>.txt and .md files: read as UTF-8 (BOM honoured); markdown is normalised later with the OCR text.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md", ".markdown", ".text"];

    public RawDocument Read(string path) => new(File.ReadAllText(path));
}

using System.ComponentModel;
using System.Diagnostics;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// .pdf through poppler's <c>pdftotext -layout</c> (keeps programme lines such as "15:00 – 17:40 Panel two" on
/// one line). When the tool is missing the file is reported with the package to install; other files load.
/// </summary>
public sealed class PdfReader(string pdfToTextPath = "pdftotext", TimeSpan? timeout = null) : IDocumentReader
{
    public const string MissingToolMessage =
        "pdftotext is not installed, so PDF files cannot be read; install the poppler-utils package (e.g. `apt-get install poppler-utils`).";

    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public RawDocument Read(string path)
    {
        var psi = new ProcessStartInfo(pdfToTextPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "-layout", "-enc", "UTF-8", path, "-" }) psi.ArgumentList.Add(a);

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new DocumentReadException(MissingToolMessage);
        }
        catch (Win32Exception ex)
        {
            throw new DocumentReadException(MissingToolMessage, ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DocumentReadException($"pdftotext took longer than {_timeout.TotalSeconds:0} s on {Path.GetFileName(path)}.");
            }
            if (process.ExitCode != 0)
                throw new DocumentReadException($"pdftotext could not read {Path.GetFileName(path)}: {stderr.Result.Trim()}");
            // Form feeds mark page breaks: put each on its own line so the page-break join can see them.
            return new RawDocument(stdout.Result.Replace("\f", "\n\f\n"));
        }
    }
}

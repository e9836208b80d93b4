using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Answering;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Tests.Knowledge;

/// <summary>A real knowledge folder in a temp directory, with the real index and answer service over it.</summary>
internal sealed class KnowledgeFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("delegatebot-knowledge-").FullName;

    public KnowledgeOptions Options => new() { Path = Path, ReloadDelay = TimeSpan.FromMilliseconds(100), RescanInterval = TimeSpan.FromSeconds(2) };

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Copies the repository's seed documents (knowledge/) into this folder.</summary>
    public KnowledgeFolder WithSeeds()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryKnowledge()))
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        return this;
    }

    public KnowledgeIndex CreateIndex() => new(Microsoft.Extensions.Options.Options.Create(Options), Readers(), NullLogger<KnowledgeIndex>.Instance);

    public static IDocumentReader[] Readers() => [new PlainTextReader(), new HtmlReader(), new DocxReader(), new PdfReader()];

    public ExtractiveAnswerService CreateAnswers(KnowledgeIndex index) => new(index, Microsoft.Extensions.Options.Options.Create(Options));

    public static string RepositoryKnowledge()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DelegateBot.sln")))
                return System.IO.Path.Combine(dir.FullName, "knowledge");
        }
        throw new InvalidOperationException("Repository root (DelegateBot.sln) not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Polls a condition until it holds or the timeout passes (no fixed sleeps).</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }
}

/// <summary>A knowledge folder (its documents written first) with its real index and answer service, for tests that ask.</summary>
internal sealed class AnsweringFolder : IDisposable
{
    private readonly KnowledgeFolder _folder;
    private readonly IAnswerService _answers;

    public AnsweringFolder(KnowledgeFolder folder)
    {
        _folder = folder;
        Index = folder.CreateIndex();
        _answers = folder.CreateAnswers(Index);
    }

    public KnowledgeIndex Index { get; }

    public Answer Ask(string question) => _answers.AskAsync(new AskRequest(question)).GetAwaiter().GetResult();

    /// <summary>The question is answered, with every expected term in the answer and a citation.</summary>
    public void AssertAnswers(string question, IEnumerable<string> expected, StringComparison comparison)
    {
        var answer = Ask(question);
        Assert.True(answer.Found, $"{question} -> {answer.Text}");
        foreach (var term in expected) Assert.Contains(term, answer.Text, comparison);
        Assert.NotEmpty(answer.Citations);
    }

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}

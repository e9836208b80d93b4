using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Tests.Knowledge;

/// <summary>The running service re-indexes within seconds when the folder changes (real files, real watcher).</summary>
public class HotReloadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Adding_changing_and_removing_files_is_picked_up_without_a_restart()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("programme.txt", "The opening session takes place in Conference Room 1 on 3 March 2025.");
        using var index = folder.CreateIndex();
        var answers = folder.CreateAnswers(index);
        using var watcher = new KnowledgeWatcher(index, Options.Create(folder.Options), TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.False(Answer(answers, "When is the reception at the Palais des Nations?").Found);
            var version = index.Version;

            folder.Write("reception.md", "# Reception\n\nThe reception at the Palais des Nations is held on 4 March 2025 at 18:30.");
            Assert.True(await Eventually.TrueAsync(() => Answer(answers, "When is the reception at the Palais des Nations?").Found, Timeout));
            Assert.Contains("4 March 2025", Answer(answers, "When is the reception at the Palais des Nations?").Text);
            Assert.True(index.Version > version);

            folder.Write("reception.md", "# Reception\n\nThe reception at the Palais des Nations is moved to 5 March 2025 at 19:00.");
            Assert.True(await Eventually.TrueAsync(() => Answer(answers, "When is the reception at the Palais des Nations?").Text.StartsWith("5 March 2025", StringComparison.Ordinal), Timeout));

            File.Delete(Path.Combine(folder.Path, "reception.md"));
            Assert.True(await Eventually.TrueAsync(() => !Answer(answers, "When is the reception at the Palais des Nations?").Found, Timeout));
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_broken_file_added_later_is_skipped_and_the_rest_keeps_answering()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("programme.txt", "The opening session takes place in Conference Room 1 on 3 March 2025.");
        using var index = folder.CreateIndex();
        var answers = folder.CreateAnswers(index);
        using var watcher = new KnowledgeWatcher(index, Options.Create(folder.Options), TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            folder.Write("broken.docx", "not a docx");
            Assert.True(await Eventually.TrueAsync(() => index.Problems.Any(p => p.Source == "broken.docx"), Timeout));
            var answer = Answer(answers, "Where does the opening session take place?");
            Assert.True(answer.Found);
            Assert.Contains("Conference Room 1", answer.Text);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Refresh_rebuilds_only_when_the_folder_changed()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("a.txt", "The side event on diaspora bonds is on 6 May 2025.");
        using var index = folder.CreateIndex();
        var first = index.Version;

        Assert.False(index.Refresh());
        Assert.Equal(first, index.Version);
        folder.Write("glossary.yaml", "acronyms:\n  DB: diaspora bonds\n");
        Assert.True(index.Refresh());
        Assert.Equal("diaspora bonds", index.Acronyms.Expand("DB").Single().Expansion);
    }

    private static Answer Answer(IAnswerService answers, string question) =>
        answers.AskAsync(new AskRequest(question)).GetAwaiter().GetResult();
}

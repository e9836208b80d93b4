using System.Text.Json.Nodes;

namespace DelegateBot.Tests.DirectLine;

/// <summary>
/// The chat page in a real browser: Debian's Chromium driven by Playwright (tests/browser/webchat-page.js).
/// The host's own bot answers (CloudAdapter in process, knowledge engine over knowledge/). Asks with the keyboard,
/// waits for the answer card with its citation, keeps a screenshot in artifacts/.
/// </summary>
public sealed class WebChatBrowserTests
{
    [Fact]
    public async Task A_delegate_asks_in_the_browser_and_sees_the_answer_card()
    {
        var folder = await NodeTools.PreparedFolderAsync(Path.Combine("tests", "browser"));
        Assert.True(File.Exists("/usr/bin/chromium") || Environment.GetEnvironmentVariable("CHROMIUM_PATH") != null,
            "Chromium is missing: `apt-get install chromium chromium-driver` (test.sh installs it).");
        await using var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:Page:Title"] = "GFMD Summit 2026" },
            realBot: true);
        var screenshot = Path.Combine(NodeTools.RepositoryRoot, "artifacts", "webchat-panel-two.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (code, output) = await NodeTools.RunAsync("node",
            ["webchat-page.js", host.BaseAddress.ToString(), "who chairs panel two?", screenshot, "Khalid Koser", "Source:"],
            folder, TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"webchat-page.js exited {code}:\n{output}");
        var page = JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
        Assert.Equal("GFMD Summit 2026", (string)page["title"]!);
        Assert.Equal("GFMD Summit 2026", (string)page["h1"]!);
        Assert.Equal("en", (string)page["lang"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)page["sendBoxLabel"]), "the send box has no accessible name");
        Assert.Contains("who chairs panel two?", page["userMessages"]!.AsArray().Select(m => (string)m!).Single());
        Assert.False((bool)page["sendFailed"]!, "Web Chat shows 'send failed': the echo with clientActivityID did not come back");
        var card = (string)page["cardText"]!;
        // The real bot: the knowledge engine's answer from the seed documents, with its citation.
        Assert.Contains("Khalid Koser", card);
        Assert.Contains("Source:", card);
        Assert.StartsWith("Hello!", page["botMessages"]!.AsArray().Select(m => (string)m!).First());
        Assert.Empty(page["cspViolations"]!.AsArray());
        Assert.Empty(page["consoleErrors"]!.AsArray());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "no screenshot in artifacts/");
    }
}

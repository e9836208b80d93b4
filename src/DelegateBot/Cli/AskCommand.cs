using DelegateBot.AzureOpenAI;
using DelegateBot.Core.Agenda;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Cli;

/// <summary>
/// <c>ask "question"</c> answers one question for a person; <c>ask --json</c> answers one question per stdin
/// line with one JSON object per line (the contract evaluation tools rely on); <c>ask</c> alone is an
/// interactive prompt. <c>--knowledge DIR</c> answers from another folder.
/// </summary>
public sealed class AskCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public string Name => "ask";

    public string Usage => "ask \"question\" | ask --json < questions.txt | ask   [--knowledge DIR] [--verbose]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var json = false;
        var verbose = false;
        string? folder = null;
        var words = new List<string>();
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            if (arg == "--json") json = true;
            else if (arg == "--verbose") verbose = true;
            else if (arg == "--knowledge" && i + 1 < context.Args.Count) folder = context.Args[++i];
            else if (arg.StartsWith("--knowledge=", StringComparison.Ordinal)) folder = arg["--knowledge=".Length..];
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                await context.Error.WriteLineAsync($"ask: unknown option {arg}. {Usage}");
                return 2;
            }
            else words.Add(arg);
        }
        if (folder is not null && !Directory.Exists(folder))
        {
            await context.Error.WriteLineAsync($"ask: the knowledge folder {folder} does not exist.");
            return 2;
        }

        var overrides = new Dictionary<string, string?>();
        if (folder is not null) overrides[$"{KnowledgeOptions.SectionName}:Path"] = Path.GetFullPath(folder);
        // Same answer path as the bot: agenda-shaped questions first, the documents otherwise.
        using var host = CliHost.Build(b =>
        {
            b.Services.AddKnowledge(b.Configuration);
            b.Services.AddAzureOpenAIAnswers(b.Configuration);   // no-op unless section AzureOpenAI is configured
            b.Services.AddAgenda(b.Configuration);
            b.Services.AddAgendaAnswers();
        }, overrides, verbose);
        var answers = host.Services.GetRequiredService<IAnswerService>();

        if (words.Count > 0)
        {
            var answer = await answers.AskAsync(new AskRequest(string.Join(' ', words)), cancellationToken);
            if (json) await WriteJsonAsync(context.Out, answer);
            else await WriteHumanAsync(context.Out, answer);
            return 0;
        }

        if (!json && context.Interactive)
            await context.Error.WriteLineAsync("Ask a question about the meeting documents (\"exit\" or Ctrl-D to leave).");
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!json && context.Interactive) await context.Error.WriteAsync("> ");
            var line = await context.In.ReadLineAsync(cancellationToken);
            if (line is null) break;
            var question = line.Trim();
            if (question.Length == 0) continue;
            if (!json && question is "exit" or "quit") break;
            var answer = await answers.AskAsync(new AskRequest(question), cancellationToken);
            if (json) await WriteJsonAsync(context.Out, answer);
            else
            {
                await WriteHumanAsync(context.Out, answer);
                await context.Out.WriteLineAsync();
            }
            await context.Out.FlushAsync(cancellationToken);
        }
        return 0;
    }

    private static async Task WriteJsonAsync(TextWriter output, Answer answer)
    {
        var line = new AskJsonLine(answer.Question, answer.Found, answer.Text,
            answer.Citations.Select(c => new AskJsonCitation(c.Document, c.Location, c.Excerpt)).ToArray());
        await output.WriteLineAsync(JsonSerializer.Serialize(line, Json));
    }

    private static async Task WriteHumanAsync(TextWriter output, Answer answer)
    {
        await output.WriteLineAsync(answer.Text);
        foreach (var c in answer.Citations) await output.WriteLineAsync($"Source: {c.Document}, {c.Location}");
    }

    private sealed record AskJsonLine(
        [property: JsonPropertyOrder(0)] string Question,
        [property: JsonPropertyOrder(1)] bool Found,
        [property: JsonPropertyOrder(2)] string Answer,
        [property: JsonPropertyOrder(3)] IReadOnlyList<AskJsonCitation> Citations);

    private sealed record AskJsonCitation(string Document, string Location, string Excerpt);
}

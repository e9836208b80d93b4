using System.Text.Json;
using DelegateBot.Cli;
using DelegateBot.Core.Knowledge;
using DelegateBot.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Tests.Cli;

/// <summary>The ask command's contract, run in-process through the same entry point as the executable.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-cli-").FullName;

    public AskCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "seminar.md"), """
            # Seminar on Diaspora Engagement

            ## Date and venue

            The seminar will be held on 12 June 2025 in Conference Room 7.

            ## Registration

            Registration deadline: 30 May 2025
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DelegateBotApp.RunAsync(args, new CliContext([], new StringReader(stdin), output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Agenda_shaped_questions_are_answered_from_the_agenda_with_a_closed_deadline_reported()
    {
        // The seminar's deadline (30 May 2025) is in the past for the real clock: reported as closed, with its date.
        var (code, stdout, _) = await Run("How many days are left to register?\nList the deadlines\n", "ask", "--json", "--knowledge", _folder);

        Assert.Equal(0, code);
        var objects = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, objects.Count);
        Assert.True(objects[0].GetProperty("found").GetBoolean());
        var answer = objects[0].GetProperty("answer").GetString()!;
        Assert.Contains("closed", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("30 May 2025", answer);
        Assert.True(objects[0].GetProperty("citations").GetArrayLength() > 0);
        Assert.Contains("30 May 2025", objects[1].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Json_mode_answers_one_line_per_question_in_order_with_the_contract_fields()
    {
        var (code, stdout, _) = await Run("When is the seminar?\n\nWhat is the wifi password?\nWhere is the seminar held?\n", "ask", "--json", "--knowledge", _folder);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // the blank input line is skipped, nothing else is printed
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["question", "found", "answer", "citations"], objects[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("When is the seminar?", objects[0].GetProperty("question").GetString());
        Assert.True(objects[0].GetProperty("found").GetBoolean());
        Assert.StartsWith("12 June 2025", objects[0].GetProperty("answer").GetString());
        var citation = objects[0].GetProperty("citations")[0];
        Assert.Equal("Seminar on Diaspora Engagement", citation.GetProperty("document").GetString());
        Assert.Equal("section Date and venue", citation.GetProperty("location").GetString());
        Assert.Contains("Conference Room 7", citation.GetProperty("excerpt").GetString());

        Assert.False(objects[1].GetProperty("found").GetBoolean());
        Assert.Equal(0, objects[1].GetProperty("citations").GetArrayLength());
        Assert.Equal("Where is the seminar held?", objects[2].GetProperty("question").GetString());
        Assert.StartsWith("Conference Room 7", objects[2].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_question_on_the_command_line_gets_the_answer_and_its_source_for_a_person()
    {
        var (code, stdout, _) = await Run("", "ask", "--knowledge", _folder, "What", "is", "the", "registration", "deadline?");

        Assert.Equal(0, code);
        var lines = stdout.TrimEnd().Split('\n');
        // Answered by the agenda: the deadline with its status against the clock (it has passed: closed).
        Assert.Contains("30 May 2025", lines[0]);
        Assert.Contains("closed", lines[0]);
        Assert.StartsWith("Source: Seminar on Diaspora Engagement, ", lines[^1]);
    }

    [Fact]
    public async Task The_interactive_prompt_answers_until_exit()
    {
        var (code, stdout, _) = await Run("When is the seminar?\nexit\nWhere is the seminar held?\n", "ask", "--knowledge", _folder);

        Assert.Equal(0, code);
        Assert.StartsWith("12 June 2025", stdout);
        Assert.Single(stdout.Split('\n'), l => l.StartsWith("Source:", StringComparison.Ordinal)); // nothing after "exit" was answered
    }

    [Fact]
    public async Task Bad_options_and_missing_folders_get_a_clear_message()
    {
        var (code, stdout, stderr) = await Run("", "ask", "--nope");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("unknown option --nope", stderr);

        (code, stdout, stderr) = await Run("", "ask", "--knowledge", Path.Combine(_folder, "missing"), "hello?");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var (code, stdout, _) = await Run("", "--help");
        Assert.Equal(0, code);
        Assert.Contains("ask \"question\"", stdout);
    }

    [Fact]
    public async Task The_web_host_registers_the_knowledge_feature()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Knowledge:Path", _folder));
        var answers = factory.Services.GetRequiredService<IAnswerService>();
        var search = factory.Services.GetRequiredService<IPassageSearch>();

        Assert.True((await answers.AskAsync(new AskRequest("When is the seminar?"))).Found);
        Assert.NotEmpty(search.AllPassages);
    }
}

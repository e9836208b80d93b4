using System.Diagnostics;
using DelegateBot.Cli;
using DelegateBot.Hosting;
using DelegateBot.Tests.Bot;
using DelegateBot.Tests.Reminders.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Tests.Reminders.Broadcasts;

/// <summary>The broadcast verb: argument checks in-process, and a real run of the executable on a service's database.</summary>
public sealed class BroadcastCommandTests
{
    [Theory]
    [InlineData(new[] { "broadcast" }, "say what to do")]
    [InlineData(new[] { "broadcast", "send" }, "send takes the message as one quoted argument")]
    [InlineData(new[] { "broadcast", "send", "hi", "--to" }, "--to needs a value")]
    [InlineData(new[] { "broadcast", "send", "hi", "--at", "tomorrow" }, "is not a time")]
    [InlineData(new[] { "broadcast", "send", "hi", "--loud" }, "unknown option --loud")]
    [InlineData(new[] { "broadcast", "cancel" }, "cancel which scheduled broadcast")]
    [InlineData(new[] { "broadcast", "list", "--to", "everyone" }, "--to goes with send")]
    public async Task The_verb_explains_what_is_wrong_with_exit_code_2(string[] args, string message)
    {
        var error = new StringWriter();
        var code = await DelegateBotApp.RunAsync(args, new CliContext([], new StringReader(""), new StringWriter(), error));
        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString());
        Assert.Contains("Usage: broadcast send", error.ToString());
    }

    [Fact]
    public async Task The_cli_enqueues_into_the_services_database_the_service_delivers_and_the_cli_reports()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var service = await DeliveryHarness.StartAsync(new() { ["Reminders:Delivery:PollSeconds"] = "0.2" });
        await service.SeedAsync(3, channel.ServiceUrl);
        var data = Path.Combine(service.Folder, "data", "delegatebot.db");

        var dry = await RunAsync(data, "broadcast", "send", "Shuttle buses leave at 18:30", "--dry-run");
        Assert.Equal((0, "Would go to 3 conversation(s) (everyone). Nothing was sent."), (dry.Code, dry.Out.Trim()));
        var unknown = await RunAsync(data, "broadcast", "send", "x", "--to", "registrants:no-such-meeting");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("No meeting 'no-such-meeting'", unknown.Err);

        var sent = await RunAsync(data, "broadcast", "send", "Shuttle buses leave at 18:30", "--to", "everyone");
        Assert.Equal(0, sent.Code);
        Assert.Matches("^Broadcast B-[2-9A-Z]{6} enqueued for 3 conversation\\(s\\) \\(everyone\\), key broadcast:", sent.Out);
        var id = sent.Out.Split(' ')[1];

        // The running service (another process on the same files) finds it by polling and delivers it.
        await channel.WaitForCallsAsync(3);
        await service.WaitUntilCompleteAsync(id);
        var report = await RunAsync(data, "broadcast", "report", id);
        Assert.Equal(0, report.Code);
        Assert.Contains($"Delivery report {id}: \"Shuttle buses leave at 18:30\"", report.Out);
        Assert.Contains("Sent 3, pending 0, failed 0 (complete", report.Out);
        var list = await RunAsync(data, "broadcast", "list");
        Assert.Contains($"{id}  to everyone: sent 3/3, pending 0, failed 0  \"Shuttle buses leave at 18:30\"", list.Out);
        Assert.Equal(1, (await RunAsync(data, "broadcast", "report", "B-NOSUCH")).Code);
    }

    /// <summary>Runs the built executable (dotnet DelegateBot.dll ...) with the service's state database, as an organiser on the server would.</summary>
    private static async Task<(int Code, string Out, string Err)> RunAsync(string stateDatabase, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(stateDatabase)! };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DelegateBot.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Storage__SqlitePath"] = stateDatabase;
        start.Environment["Agenda__KnowledgePath"] = BotAppFactory.RepoKnowledgeFolder;
        start.Environment["Agenda__WatchOverrides"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

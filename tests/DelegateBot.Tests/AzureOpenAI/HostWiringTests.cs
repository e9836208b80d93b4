using System.Collections.Concurrent;
using System.Text.Json;
using DelegateBot.AzureOpenAI;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using DelegateBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DelegateBot.Tests.AzureOpenAI;

/// <summary>
/// The web host's answer chain with Azure OpenAI configured: agenda first, then the model (over a loopback
/// OpenAI-compatible server), the extractive engine behind it; and no change at all when nothing is configured.
/// </summary>
public sealed class HostWiringTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-llm-host-").FullName;

    public HostWiringTests() => File.WriteAllText(Path.Combine(_folder, "briefing.txt"),
        "Briefing for delegations on remittances\n\nThe briefing takes place in Conference Room 7 of the North Lawn Building.\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Document_questions_go_to_the_model_behind_the_agenda()
    {
        var models = new ConcurrentQueue<string?>();
        var llm = WebApplication.CreateSlimBuilder();
        llm.WebHost.UseUrls("http://127.0.0.1:0");
        llm.Logging.ClearProviders();
        await using var server = llm.Build();
        server.MapPost("/openai/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            models.Enqueue(body.RootElement.GetProperty("model").GetString());
            return Results.Json(new
            {
                id = "c", @object = "chat.completion", created = 1, model = "d",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "In Conference Room 7 [1]." }, finish_reason = "stop" } },
            });
        });
        await server.StartAsync();
        var endpoint = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var app = DelegateBotApp.BuildWebApp([
            "--urls=http://127.0.0.1:0", $"--Knowledge:Path={_folder}", "--Knowledge:Watch=false",
            $"--AzureOpenAI:Endpoint={endpoint}", "--AzureOpenAI:ApiKey=k", "--AzureOpenAI:ChatDeployment=chat-deployment"]);
        var answers = app.Services.GetRequiredService<IAnswerService>();

        Assert.IsType<AgendaFirstAnswerService>(answers);
        var answer = await answers.AskAsync(new AskRequest("Where does the briefing take place?"));
        Assert.Equal("In Conference Room 7 [1].", answer.Text);
        Assert.Equal("briefing.txt", Assert.Single(answer.Citations).Source);
        Assert.Equal(["chat-deployment"], models);
    }

    [Fact]
    public async Task Nothing_configured_keeps_the_extractive_engine()
    {
        await using var app = DelegateBotApp.BuildWebApp(["--urls=http://127.0.0.1:0", $"--Knowledge:Path={_folder}", "--Knowledge:Watch=false"]);
        var answer = await app.Services.GetRequiredService<IAnswerService>().AskAsync(new AskRequest("Where does the briefing take place?"));
        Assert.DoesNotContain("[1]", answer.Text);
        Assert.DoesNotContain(app.Services.GetServices<IAnswerService>(), s => s is LlmAnswerService);
    }
}

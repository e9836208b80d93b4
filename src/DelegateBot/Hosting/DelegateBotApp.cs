using DelegateBot.DirectLine;

namespace DelegateBot.Hosting;

/// <summary>Composes the web host. Each feature adds itself through one Add.../Map... extension.</summary>
public static class DelegateBotApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = BuildWebApp(args);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication BuildWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The default URL of a Bot Framework bot, as the Emulator and the samples expect it.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:3978");

        builder.Services.AddDirectLine(builder.Configuration);

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapDirectLine();
        return app;
    }
}

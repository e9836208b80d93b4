using DelegateBot.Hosting;

// One executable: with a CLI verb (ask, chat, agenda, ...) it runs that command; otherwise it serves the bot.
return await DelegateBotApp.RunAsync(args);

/// <summary>Entry point type, public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;

using DelegateBot.BotFramework.Builder;
using DelegateBot.Core.Localization;
using Microsoft.Extensions.Options;

namespace DelegateBot.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>The bot's texts (Localization:Path, default the locale files shipped with the build) and the per-turn language.</summary>
    public static IServiceCollection AddBotText(this IServiceCollection services)
    {
        services.AddOptions<LocalizationOptions>().BindConfiguration(LocalizationOptions.SectionName);
        services.AddSingleton<IBotText>(sp =>
        {
            var path = sp.GetRequiredService<IOptions<LocalizationOptions>>().Value.Path;
            return new BotText(string.IsNullOrWhiteSpace(path) ? BotText.DefaultFolder : path, sp.GetRequiredService<ILogger<BotText>>());
        });
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton<TurnLanguage>();
        services.AddSingleton<ITurnFailureReplies, LocalizedFailureReplies>();
        return services;
    }

    /// <summary>The apologies of a failed turn, in the turn's language.</summary>
    private sealed class LocalizedFailureReplies : ITurnFailureReplies
    {
        public string Failed(ITurnContext turnContext) => turnContext.GetLocalizer().Get("errors.failed");

        public string Conflict(ITurnContext turnContext) => turnContext.GetLocalizer().Get("errors.conflict");
    }
}

using DelegateBot.Core.Localization;

namespace DelegateBot.Core.Tests.Localization;

public class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = new(BotText.Default);

    [Theory]
    [InlineData("bonjour", "fr")]
    [InlineData("Bonjour !", "fr")]
    [InlineData("où est la salle ?", "fr")]
    [InlineData("Qui préside le panel deux ?", "fr")]
    [InlineData("Quand a lieu le séminaire ?", "fr")]
    [InlineData("je veux m'inscrire", "fr")]
    [InlineData("merci", "fr")]
    [InlineData("Quelle est la date limite d'inscription ?", "fr")]
    [InlineData("aide", "fr")]
    [InlineData("hello", "en")]
    [InlineData("Who chairs panel two?", "en")]
    [InlineData("When is the GFMD in Manila?", "en")]
    [InlineData("What is the deadline to register in Genève?", "en")]
    [InlineData("thanks", "en")]
    [InlineData("help", "en")]
    public void Tells_the_language_of_a_short_chat_line(string message, string language) =>
        Assert.Equal(language, Detector.Detect(message));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12")]
    [InlineData("GFMD")]
    [InlineData("Khalid Koser")]
    public void Says_nothing_when_the_message_shows_no_language(string message) => Assert.Null(Detector.Detect(message));
}

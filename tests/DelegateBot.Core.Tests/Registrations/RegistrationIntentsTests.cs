using DelegateBot.Core.Recognizers;
using DelegateBot.Core.Registrations;

namespace DelegateBot.Core.Tests.Registrations;

public class RegistrationIntentsTests
{
    [Theory]
    [InlineData("I want to register", RegistrationIntentKind.Register, RecognizerLanguage.English, "")]
    [InlineData("register", RegistrationIntentKind.Register, RecognizerLanguage.English, "")]
    [InlineData("How do I register?", RegistrationIntentKind.Register, RecognizerLanguage.English, "")]
    [InlineData("Sign me up for the UNITAR seminar", RegistrationIntentKind.Register, RecognizerLanguage.English, "unitar seminar")]
    [InlineData("I'd like to register for the seminar on building partnerships", RegistrationIntentKind.Register, RecognizerLanguage.English, "seminar building partnerships")]
    [InlineData("Je veux m'inscrire", RegistrationIntentKind.Register, RecognizerLanguage.French, "")]
    [InlineData("inscription au séminaire", RegistrationIntentKind.Register, RecognizerLanguage.French, "seminaire")]
    [InlineData("Am I registered?", RegistrationIntentKind.Status, RecognizerLanguage.English, "")]
    [InlineData("am i registered for the seminar", RegistrationIntentKind.Status, RecognizerLanguage.English, "seminar")]
    [InlineData("Suis-je inscrite ?", RegistrationIntentKind.Status, RecognizerLanguage.French, "")]
    [InlineData("cancel my registration", RegistrationIntentKind.Cancel, RecognizerLanguage.English, "")]
    [InlineData("Please unregister me from the seminar", RegistrationIntentKind.Cancel, RecognizerLanguage.English, "seminar")]
    [InlineData("annuler mon inscription", RegistrationIntentKind.Cancel, RecognizerLanguage.French, "")]
    [InlineData("list registrations", RegistrationIntentKind.List, RecognizerLanguage.English, "")]
    [InlineData("Who registered for the seminar?", RegistrationIntentKind.List, RecognizerLanguage.English, "seminar")]
    [InlineData("liste des inscriptions", RegistrationIntentKind.List, RecognizerLanguage.French, "")]
    public void Requests(string text, RegistrationIntentKind kind, RecognizerLanguage language, string rest)
    {
        var intent = RegistrationIntents.Recognize(text);
        Assert.Equal(kind, intent.Kind);
        Assert.Equal(language, intent.Language);
        Assert.Equal(rest, intent.Rest);
    }

    [Theory]
    [InlineData("When is the registration deadline?")]
    [InlineData("Quelle est la date limite d'inscription ?")]
    [InlineData("Where is the seminar?")]
    [InlineData("Who chairs panel two?")]
    [InlineData("cancel")]
    [InlineData("")]
    public void Not_registration_requests(string text) => Assert.Equal(RegistrationIntentKind.None, RegistrationIntents.Recognize(text).Kind);
}

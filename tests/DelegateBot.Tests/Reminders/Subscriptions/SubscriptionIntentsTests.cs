using DelegateBot.Core.Recognizers;
using DelegateBot.Reminders.Subscriptions;

namespace DelegateBot.Tests.Reminders.Subscriptions;

public sealed class SubscriptionIntentsTests
{
    [Theory]
    [InlineData("stop reminders", SubscriptionIntentKind.Stop, RecognizerLanguage.English, "")]
    [InlineData("Please turn off the notifications.", SubscriptionIntentKind.Stop, RecognizerLanguage.English, "")]
    [InlineData("unsubscribe", SubscriptionIntentKind.Stop, RecognizerLanguage.English, "")]
    [InlineData("mute all reminders", SubscriptionIntentKind.Stop, RecognizerLanguage.English, "")]
    [InlineData("Arrête les rappels", SubscriptionIntentKind.Stop, RecognizerLanguage.French, "")]
    [InlineData("désabonnez-moi svp", SubscriptionIntentKind.Stop, RecognizerLanguage.French, "")]
    [InlineData("start reminders", SubscriptionIntentKind.Start, RecognizerLanguage.English, "")]
    [InlineData("resume my reminders", SubscriptionIntentKind.Start, RecognizerLanguage.English, "")]
    [InlineData("réactiver les rappels", SubscriptionIntentKind.Start, RecognizerLanguage.French, "")]
    [InlineData("only my sessions", SubscriptionIntentKind.MySessions, RecognizerLanguage.English, "")]
    [InlineData("just my meetings please", SubscriptionIntentKind.MySessions, RecognizerLanguage.English, "")]
    [InlineData("only for the sessions I registered for", SubscriptionIntentKind.MySessions, RecognizerLanguage.English, "")]
    [InlineData("seulement mes sessions", SubscriptionIntentKind.MySessions, RecognizerLanguage.French, "")]
    [InlineData("all sessions", SubscriptionIntentKind.AllSessions, RecognizerLanguage.English, "")]
    [InlineData("toutes les sessions", SubscriptionIntentKind.AllSessions, RecognizerLanguage.French, "")]
    [InlineData("mute the seminar", SubscriptionIntentKind.Mute, RecognizerLanguage.English, "the seminar")]
    [InlineData("unmute the debate", SubscriptionIntentKind.Unmute, RecognizerLanguage.English, "the debate")]
    [InlineData("mettre en sourdine le séminaire", SubscriptionIntentKind.Mute, RecognizerLanguage.French, "le seminaire")]
    [InlineData("réactiver le séminaire", SubscriptionIntentKind.Unmute, RecognizerLanguage.French, "le seminaire")]
    [InlineData("my reminders", SubscriptionIntentKind.Settings, RecognizerLanguage.English, "")]
    [InlineData("mes rappels", SubscriptionIntentKind.Settings, RecognizerLanguage.French, "")]
    public void Recognises_the_commands(string text, SubscriptionIntentKind kind, RecognizerLanguage language, string rest) =>
        Assert.Equal(new SubscriptionIntent(kind, language, rest), SubscriptionIntents.Recognize(text));

    [Theory]
    [InlineData("When do the reminders start?")]
    [InlineData("Who chairs panel two?")]
    [InlineData("how do I stop the reminders from the seminar and keep the others")]
    [InlineData("what are all the sessions on 19 May?")]
    [InlineData("")]
    public void Leaves_questions_to_the_documents(string text) =>
        Assert.Equal(SubscriptionIntentKind.None, SubscriptionIntents.Recognize(text).Kind);
}

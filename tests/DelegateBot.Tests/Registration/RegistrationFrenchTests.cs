namespace DelegateBot.Tests.Registration;

/// <summary>A registration in French, from the request to the cancellation, through the real /api/messages.</summary>
public sealed class RegistrationFrenchTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_delegate_registers_checks_and_keeps_their_registration_in_French()
    {
        await _bot.PlayAsync(new Person("amadou", "fr-FR"), """
            user: Je veux m'inscrire
            bot:  Inscrivons-vous à : Migration and Development Series Seminar on Building Partnerships | Je vais vous poser 9 questions
                | aide, retour, recommencer ou annuler
            bot:  Quel est votre nom complet (tel qu'il doit figurer sur votre badge) ?
            user: Amadou Ba
            bot:  Quel est votre titre ou votre fonction ? | 2. Ministre conseiller | 4. Premier secrétaire
            user: ministre conseiller
            bot:  Quelle Mission permanente ou organisation représentez-vous ?
            user: Mission permanente du Sénégal
            bot:  Quelle commission suivez-vous, ou quel est votre rôle ? | 1. Deuxième Commission
            user: la deuxième
            bot:  Vouliez-vous dire Troisième Commission ou Deuxième Commission ? | [Troisième Commission] [Deuxième Commission]
            user: la deuxième commission
            bot:  À quelle adresse e-mail pouvons-nous vous écrire ?
            user: amadou.ba@
            bot:  La partie après le @ n'est pas un domaine valide.
            bot:  Merci d'écrire une adresse e-mail, par exemple nom@mission.org.
            user: aide
            bot:  Je vous demande : E-mail. | retour (question précédente), recommencer ou annuler
            bot:  À quelle adresse e-mail pouvons-nous vous écrire ?
            user: amadou.ba@senegal-mission.org
            bot:  À quel numéro de téléphone pouvons-nous vous joindre ? | (facultatif : écrivez passer pour laisser vide)
            user: passer
            bot:  À quelles séances assisterez-vous ? | 1. First session
            user: toutes
            bot:  Aurez-vous besoin d'interprétation ? | 1. français
            user: non
            bot:  Autre chose que les organisateurs doivent savoir
            user: retour
            bot:  Retour à la question précédente.
            bot:  Aurez-vous besoin d'interprétation ? | Actuellement : (aucun)
            user: oui
            bot:  Autre chose que les organisateurs doivent savoir
            user: aucune
            bot:  Écrivez confirmer pour vous inscrire, ou modifier suivi d'un champ | Vérifiez votre inscription à : Migration and Development Series
                | "Nom complet" | "Ministre conseiller" | "Deuxième Commission" | "First session, Second session, Third session" | "français" | "(aucun)"
                | [Confirmer] [Modifier]
            user: non
            bot:  Quel champ souhaitez-vous modifier ? | 1. Nom complet | 6. Téléphone
            user: téléphone
            bot:  À quel numéro de téléphone pouvons-nous vous joindre ? | Actuellement : (aucun)
            user: +41 22 917 12 34
            bot:  Vérifiez votre inscription | "+41 22 917 12 34"
            user: oui
            bot:  Vous êtes inscrit(e) à : Migration and Development Series Seminar on Building Partnerships. Votre numéro de confirmation est R-
                | Et ensuite : les organisateurs examinent les candidatures après la date limite (2 mars 2007)
            user: Suis-je inscrit ?
            bot:  Vous êtes inscrit(e) à : Migration and Development Series Seminar on Building Partnerships (confirmation R-
            user: annuler mon inscription
            bot:  Annuler votre inscription R- | à : Migration and Development Series Seminar on Building Partnerships ? | (1) Oui ou (2) Non
            user: non merci
            bot:  Votre inscription est conservée.
            """);

        var saved = Assert.Single(await _bot.Store.ListAsync());
        Assert.Equal(("fr-FR", "Minister Counsellor", "Second Committee", "French"),
            (saved.Locale, saved.Answers["title"].Value, saved.Answers["committee"].Value, saved.Answers["interpretation"].Value));
    }

    [Fact]
    public async Task French_words_on_an_English_channel_get_the_form_in_French()
    {
        await _bot.PlayAsync(new Person("amadou"), """
            user: je voudrais m'inscrire au séminaire
            bot:  Inscrivons-vous à : Migration and Development Series Seminar on Building Partnerships
            bot:  Quel est votre nom complet
            user: annuler
            bot:  Inscription annulée ; rien n'a été enregistré.
            """);
    }
}

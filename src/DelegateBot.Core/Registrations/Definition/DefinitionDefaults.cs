namespace DelegateBot.Core.Registrations.Definition;

/// <summary>
/// The messages of the registration feature, by key, in English and French. dialogs/registration.yaml may
/// override any of them under "messages:"; these are used for the keys it leaves out.
/// Placeholders: {meeting} {dates} {venue} {deadline} {contact} {number} {count} {field} {fields} {answer} {attempts}.
/// </summary>
public static class DefinitionDefaults
{
    // Not "no"/"non": those answer yes/no questions.
    public static readonly IReadOnlyList<string> SkipWords = ["skip", "none", "n/a", "-", "passer", "aucun", "aucune", "rien"];

    public static readonly IReadOnlyList<string> Placeholders = ["meeting", "dates", "venue", "deadline", "contact", "number", "count", "field", "fields", "answer", "attempts"];

    public static readonly IReadOnlyDictionary<string, LocalizedText> Messages = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["intro"] = new(
            "Let's register you for {meeting} ({dates}). I will ask {count} questions. You can type help, back, start over or cancel at any time.",
            "Inscrivons-vous à : {meeting} ({dates}). Je vais vous poser {count} questions. Vous pouvez écrire aide, retour, recommencer ou annuler à tout moment."),
        ["optionalHint"] = new("(optional: type skip to leave it blank)", "(facultatif : écrivez passer pour laisser vide)"),
        ["required"] = new("This one is needed for your registration.", "Cette information est nécessaire à votre inscription."),
        ["help"] = new(
            "I am asking for your {field}. Answer in your own words; you can also type back (previous question), start over, or cancel.",
            "Je vous demande : {field}. Répondez librement ; vous pouvez aussi écrire retour (question précédente), recommencer ou annuler."),
        ["trouble"] = new(
            "That is {attempts} tries. Type help for an explanation, back to change the previous answer, or cancel to stop.",
            "Cela fait {attempts} essais. Écrivez aide pour une explication, retour pour changer la réponse précédente, ou annuler pour arrêter."),
        ["invalid"] = new("That answer does not fit what is asked.", "Cette réponse ne correspond pas à ce qui est demandé."),
        ["tooShort"] = new("That is too short.", "C'est trop court."),
        ["tooLong"] = new("That is too long.", "C'est trop long."),
        ["notInPast"] = new("That date has already passed.", "Cette date est déjà passée."),
        ["back"] = new("Going back.", "Retour à la question précédente."),
        ["backAtStart"] = new("This is the first question.", "C'est la première question."),
        ["restarted"] = new("Starting over.", "On recommence."),
        ["cancelled"] = new("Registration cancelled; nothing was saved.", "Inscription annulée ; rien n'a été enregistré."),
        ["cancelledKeepsExisting"] = new(
            "Changes cancelled; your registration {number} for {meeting} is unchanged.",
            "Modifications annulées ; votre inscription {number} à {meeting} est inchangée."),
        ["resume"] = new("Back to your registration:", "Reprenons votre inscription :"),
        ["summary"] = new("Please check your registration for {meeting}:", "Vérifiez votre inscription à : {meeting} :"),
        ["summaryPrompt"] = new(
            "Type confirm to register, or change and a field to edit it (for example: change email).",
            "Écrivez confirmer pour vous inscrire, ou modifier suivi d'un champ (par exemple : modifier e-mail)."),
        ["whichField"] = new("Which field would you like to change?", "Quel champ souhaitez-vous modifier ?"),
        ["confirmed"] = new(
            "You are registered for {meeting}. Your confirmation number is {number}.",
            "Vous êtes inscrit(e) à : {meeting}. Votre numéro de confirmation est {number}."),
        ["updated"] = new(
            "Your registration for {meeting} is updated. Your confirmation number is still {number}.",
            "Votre inscription à : {meeting} est mise à jour. Votre numéro de confirmation reste {number}."),
        ["nextSteps"] = new(
            "What happens next: the organisers review nominations after the deadline ({deadline}) and will write to you. Questions: {contact}.",
            "Et ensuite : les organisateurs examinent les candidatures après la date limite ({deadline}) et vous écriront. Questions : {contact}."),
        ["alreadyRegistered"] = new(
            "You are already registered for {meeting} (confirmation {number}). Here is what we have; change any field or confirm to keep it.",
            "Vous êtes déjà inscrit(e) à : {meeting} (confirmation {number}). Voici vos informations ; modifiez un champ ou confirmez."),
        ["closed"] = new(
            "Registration for {meeting} closed on {deadline}. Please contact {contact}.",
            "Les inscriptions à : {meeting} ont été closes le {deadline}. Veuillez contacter {contact}."),
        ["noMeetings"] = new("No meeting is open for registration at the moment.", "Aucune réunion n'est ouverte aux inscriptions pour le moment."),
        ["whichMeeting"] = new("Which meeting would you like to register for?", "À quelle réunion souhaitez-vous vous inscrire ?"),
        ["whichRegistration"] = new("Which registration would you like to cancel?", "Quelle inscription souhaitez-vous annuler ?"),
        ["helpChoice"] = new(
            "Answer with the number or the name of one of the options (part of the name is enough); you can also type cancel.",
            "Répondez par le numéro ou le nom d'un des choix (une partie du nom suffit) ; vous pouvez aussi écrire annuler."),
        ["definitionChanged"] = new(
            "Sorry, the registration form was updated since you started, so we need to start again. Nothing was saved.",
            "Désolé, le formulaire d'inscription a changé depuis que vous avez commencé ; il faut recommencer. Rien n'a été enregistré."),
        ["status"] = new("You are registered for {meeting} (confirmation {number}).", "Vous êtes inscrit(e) à : {meeting} (confirmation {number})."),
        ["notRegistered"] = new(
            "You are not registered for any meeting yet. Say \"I want to register\" to start.",
            "Vous n'êtes inscrit(e) à aucune réunion. Écrivez « je veux m'inscrire » pour commencer."),
        ["confirmCancelRegistration"] = new(
            "Cancel your registration {number} for {meeting}?",
            "Annuler votre inscription {number} à : {meeting} ?"),
        ["registrationCancelled"] = new(
            "Your registration {number} for {meeting} is cancelled.",
            "Votre inscription {number} à : {meeting} est annulée."),
        ["registrationKept"] = new("Your registration is kept.", "Votre inscription est conservée."),
        ["organisersOnly"] = new(
            "Only the meeting organisers can list registrations.",
            "Seuls les organisateurs peuvent consulter la liste des inscriptions."),
        ["none"] = new("(none)", "(aucun)"),
        ["other"] = new("Other", "Autre"),
        ["confirm"] = new("Confirm", "Confirmer"),
        ["change"] = new("Change", "Modifier"),
    };
}

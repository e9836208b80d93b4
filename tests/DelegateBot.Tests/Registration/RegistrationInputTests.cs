namespace DelegateBot.Tests.Registration;

/// <summary>
/// Answers as people type them, through POST /api/messages of the real host: each kind of invalid answer gets a
/// re-prompt that says what is wanted, repeated failures offer help or cancel, and choices and yes/no are understood
/// in their usual phrasings.
/// </summary>
public sealed class RegistrationInputTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Invalid_names_emails_phones_and_sessions_are_explained_and_asked_again()
    {
        await _bot.PlayAsync(new Person("amina"), """
            user: register
            bot:  Let's register you
            bot:  What is your full name
            user: A
            bot:  That does not look like a name: please type at least 3 letters, without digits or @.
            bot:  Please type your full name, e.g. Amina Diallo.
            user: Amina 2
            bot:  That does not look like a name
            bot:  Please type your full name, e.g. Amina Diallo.
            user: Amina Diallo
            bot:  What is your title or function?
            user: Expert
            bot:  Which Permanent Mission or organisation
            user: Permanent Mission of Senegal
            bot:  Which committee
            user: Third Committee
            bot:  What email address should we use to contact you?
            user: amina@
            bot:  The part after the @ is not a valid domain.
            bot:  Please type an email address, e.g. name@mission.org.
            user: amina.diallo@gmial.com
            bot:  Did you mean amina.diallo@gmail.com? If amina.diallo@gmial.com is right, send it again.
            bot:  Please type an email address, e.g. name@mission.org.
            user: amina.diallo@gmail.com
            bot:  What phone number can we reach you on?
            user: 12
            bot:  That number is too short. Please include the country code
            bot:  Please type a phone number with its country code, e.g. +1 212 963 3021. | (optional: type skip to leave it blank)
            user: no phone
            bot:  I did not find a phone number in that.
            bot:  Please type a phone number with its country code
            user: +41 22 917 12 34
            bot:  Which sessions will you attend?
            user: 5
            bot:  I did not recognise "5".
            bot:  Please give the numbers or names of the sessions, or say all. | 1. First session
            user: none
            bot:  This one is needed for your registration.
            bot:  Which sessions will you attend?
            user: yes
            bot:  Which ones? Give their numbers or names.
            bot:  Please give the numbers or names of the sessions
            user: the second
            bot:  Will you need interpretation? | 1. French
            user: Spanish
            bot:  I did not recognise "spanish".
            bot:  Will you need interpretation? | (optional: type skip to leave it blank)
            user: yep
            bot:  Anything else the organisers should know
            user: back
            bot:  Going back.
            bot:  Will you need interpretation? | Currently: French
            user: nope
            bot:  Anything else the organisers should know
            user: skip
            bot:  Please check your registration | "Expert" | "Third Committee" | "amina.diallo@gmail.com" | "+41 22 917 12 34" | "Second session"
                | "Interpretation needed","value":"(none)"
            """);
    }

    [Fact]
    public async Task Repeated_failures_offer_help_or_cancel()
    {
        await _bot.PlayAsync(new Person("amina"), NominationForm.ToTheName, NominationForm.NameToTheCommittee("Counsellor"), """
            user: C3
            bot:  What email address
            user: amina at senegal
            bot:  That does not look like an email address (name@example.org).
            bot:  Please type an email address, e.g. name@mission.org.
            user: amina@senegal
            bot:  The part after the @ is not a valid domain.
            bot:  Please type an email address
            user: amina@@senegal.org
            bot:  not valid
            bot:  Please type an email address
            bot:  That is 3 tries. Type help for an explanation, back to change the previous answer, or cancel to stop. | [help] [cancel]
            user: help
            bot:  I am asking for your Email. | you can also type back (previous question), start over, or cancel.
            bot:  What email address should we use to contact you?
            user: still no idea
            bot:  That does not look like an email address
            bot:  Please type an email address
            bot:  That is 4 tries. | [help] [cancel]
            user: cancel
            bot:  Registration cancelled; nothing was saved.
            """);

        Assert.Empty(await _bot.Store.ListAsync(includeCancelled: true));
    }

    [Fact]
    public async Task A_choice_is_taken_by_number_name_synonym_or_part_of_its_name_and_an_own_title_is_kept_as_typed()
    {
        await _bot.PlayAsync(new Person("amina"), NominationForm.ToTheName, """
            user: Amina Diallo
            bot:  What is your title or function?
            user: first sec
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  What is your title or function? | Currently: First Secretary
            user: 8
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  Currently: Expert
            user: conseillère
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  Currently: Counsellor
            user: Legal Adviser
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  Currently: Legal Adviser
            user: secretary
            bot:  Did you mean First Secretary, Second Secretary, or Third Secretary? | [First Secretary] [Second Secretary] [Third Secretary]
            user: secretary
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  Currently: secretary
            user: the third one
            bot:  Did you mean Counsellor or Third Secretary?
            user: Third Secretary
            bot:  Which Permanent Mission
            user: back
            bot:  Going back.
            bot:  Currently: Third Secretary
            user: 3
            bot:  Which Permanent Mission
            user: Permanent Mission of Senegal
            bot:  Which committee do you cover, or what is your role?
            user: focal point
            bot:  What email address
            user: back
            bot:  Going back.
            bot:  Which committee | Currently: Migration focal point
            user: Fifth Committee
            bot:  What email address
            user: back
            bot:  Going back.
            bot:  Which committee | Currently: Fifth Committee
            user: 2nd committee
            bot:  What email address
            """);
    }
}

namespace DelegateBot.Tests.Registration;

/// <summary>
/// The dialog state is persisted after every turn: a new host on the same SQLite files continues a registration
/// where it was; a form changed between deploys restarts it politely, and a form broken by a deploy is said to be
/// unavailable instead of leaving the delegate stuck.
/// </summary>
public sealed class RegistrationRestartTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static readonly Person Amina = new("amina");

    /// <summary>A shorter form of the organiser's own, with a date step and a yes/no step.</summary>
    private const string ArrivalForm = """
        steps:
          - id: fullName
            type: text
            label: Full name
            prompt: "What is your full name?"
          - id: arrival
            type: date
            label: Arrival
            prompt: "When do you arrive in New York?"
            retry: "Please give your arrival date, e.g. 2 March 2007, 2007-03-02 or tomorrow."
            validation: { notInPast: true, message: "That date has already passed; please give your arrival date." }
          - id: reception
            type: confirm
            label: Evening reception
            prompt: "Will you attend the evening reception?"
        """;

    [Fact]
    public async Task A_new_host_on_the_same_files_continues_the_registration_where_it_was()
    {
        await _bot.PlayAsync(Amina, NominationForm.ToTheName, NominationForm.NameToTheCommittee("First Secretary"));

        await _bot.RestartAsync();

        await _bot.PlayAsync(Amina, """
            user: C2
            bot:  What email address
            user: back
            bot:  Going back.
            bot:  Which committee | Currently: Second Committee
            user: C2
            bot:  What email address
            user: amina.diallo@senegal-mission.org
            bot:  What phone number
            """);

        await _bot.RestartAsync();

        await _bot.PlayAsync(Amina, """
            user: skip
            bot:  Which sessions
            user: all
            bot:  Will you need interpretation?
            user: no
            bot:  Anything else
            user: none
            bot:  Please check your registration | "Amina Diallo" | "First Secretary" | "Permanent Mission of Senegal" | "Second Committee"
                | "First session, Second session, Third session"
            user: confirm
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships. Your confirmation number is R-
            """);
        var saved = Assert.Single(await _bot.Store.ListAsync());
        Assert.Equal(("Amina Diallo", "First Secretary", "amina.diallo@senegal-mission.org"), (saved.FullName, saved.Answers["title"].Value, saved.Email));
    }

    [Fact]
    public async Task A_form_changed_between_deploys_restarts_the_registration_politely_and_its_new_questions_work()
    {
        await _bot.PlayAsync(Amina, NominationForm.ToTheName, """
            user: Amina Diallo
            bot:  What is your title
            """);

        var form = _bot.WriteDefinition(ArrivalForm);
        await _bot.RestartAsync(s => s["Registration:DefinitionPath"] = form);

        await _bot.PlayAsync(Amina, """
            user: First Secretary
            bot:  Sorry, the registration form was updated since you started, so we need to start again. Nothing was saved.
            bot:  Let's register you for Migration and Development Series Seminar on Building Partnerships | I will ask 3 questions
            bot:  What is your full name?
            user: Amina Diallo
            bot:  When do you arrive in New York?
            user: someday
            bot:  I could not read a date in that. Try "2 March 2007", "2007-03-02" or "tomorrow".
            bot:  Please give your arrival date, e.g. 2 March 2007, 2007-03-02 or tomorrow.
            user: 1 January 2007
            bot:  That date has already passed; please give your arrival date.
            bot:  Please give your arrival date
            user: tomorrow
            bot:  Will you attend the evening reception? | (1) Yes or (2) No
            user: perhaps
            bot:  Please answer yes or no.
            bot:  Will you attend the evening reception?
            user: yep
            bot:  Please check your registration | "Arrival" | Wednesday, 21 February 2007 | "Evening reception","value":"Yes"
            user: change arrival
            bot:  When do you arrive in New York? | Currently: | 21 February 2007
            user: 2 March
            bot:  Please check your registration | Friday, 2 March 2007
            user: change arrival
            bot:  When do you arrive in New York?
            user: 2007-03-01
            bot:  Please check your registration | Thursday, 1 March 2007
            user: change the reception
            bot:  Will you attend the evening reception?
            user: non
            bot:  Please check your registration | "Evening reception","value":"No"
            card: {"text":"confirm"}
            bot:  You are registered | Your confirmation number is R-
            """);
        var saved = Assert.Single(await _bot.Store.ListAsync());
        Assert.Equal(["fullName", "arrival", "reception"], saved.Answers.Keys);
        Assert.Equal(("2007-03-01", "no"), (saved.Answers["arrival"].Value, saved.Answers["reception"].Value));
    }

    [Fact]
    public async Task A_form_broken_by_a_deploy_is_said_to_be_unavailable_and_questions_are_still_answered()
    {
        await _bot.PlayAsync(Amina, NominationForm.ToTheName);

        var broken = _bot.WriteDefinition("steps:\n  - id: fullName\n    type: txt\n    label: Name\n    prompt: Name?\n");
        await _bot.RestartAsync(s => s["Registration:DefinitionPath"] = broken);

        await _bot.PlayAsync(Amina, """
            user: Amina Diallo
            bot:  Registration is not available at the moment; the organisers have been told.
            user: Who chairs panel two?
            bot:  Khalid Koser
            user: I want to register
            bot:  Registration is not available at the moment
            """);

        await _bot.RestartAsync(s => s["Registration:DefinitionPath"] = RegistrationBot.RepoFile("dialogs", "registration.yaml"));
        await _bot.PlayAsync(Amina, NominationForm.ToTheName);
    }
}

using System.Text.Json;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// Several meetings open at once (the seminar by its documents, the Global Forum by agenda.yaml; the Dialogue on
/// Protection Challenges closed on 10 February): the bot asks which one, by number, name or part of a name; a
/// meeting can be named in the request or by a card button; a delegate with two registrations cancels one.
/// </summary>
public sealed class RegistrationMeetingTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync(agendaYaml: RegistrationBot.TwoOpenMeetingsAgenda);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private const string WhichMeeting = """
        user: I want to register
        bot:  Which meeting would you like to register for?
            | 1. Migration and Development Series Seminar on Building Partnerships (7 March 2007)
            | 2. Global Forum on Migration and Development, first meeting (10–11 July 2007) | !Dialogue on Protection
        """;

    private const string ForumIntro = """
        bot:  Let's register you for Global Forum on Migration and Development, first meeting (10–11 July 2007, Brussels). I will ask 7 questions.
        bot:  What is your full name
        """;

    private const string SeminarIntro = """
        bot:  Let's register you for Migration and Development Series Seminar on Building Partnerships (7 March 2007 | I will ask 9 questions
        bot:  What is your full name
        """;

    [Fact]
    public async Task The_open_meetings_are_offered_and_one_is_chosen_by_number_name_or_part_of_its_name()
    {
        await _bot.PlayAsync(new Person("p1"), WhichMeeting, """
            user: 7
            bot:  "7" is not one of the options; please answer with its number or its name.
            bot:  Which meeting would you like to register for? | 2. Global Forum
            user: help
            bot:  Answer with the number or the name of one of the options (part of the name is enough); you can also type cancel.
            bot:  Which meeting would you like to register for?
            user: When is the Global Forum meeting in Brussels?
            bot:  July 2007
            bot:  Back to your registration:
            bot:  Which meeting would you like to register for?
            user: migration and development
            bot:  Did you mean Migration and Development Series Seminar on Building Partnerships or Global Forum on Migration and Development, first meeting?
            user: 2
            """, ForumIntro);
        await _bot.PlayAsync(new Person("p2"), WhichMeeting, """
            user: Migration and Development Series Seminar on Building Partnerships
            """, SeminarIntro);
        await _bot.PlayAsync(new Person("p3"), WhichMeeting, """
            user: the global forum
            """, ForumIntro);
        await _bot.PlayAsync(new Person("p4"), WhichMeeting, """
            user: building partnerships
            """, SeminarIntro, """
            user: start over
            bot:  Starting over.
            bot:  What is your full name
            user: cancel
            bot:  Registration cancelled; nothing was saved.
            """);
    }

    [Fact]
    public async Task A_meeting_named_in_the_request_or_by_a_card_button_starts_at_once_and_a_closed_one_says_why()
    {
        await _bot.PlayAsync(new Person("p1"), """
            user: register for the global forum
            """, ForumIntro, """
            user: cancel
            bot:  Registration cancelled
            user: I'd like to register for the Dialogue on Protection Challenges
            bot:  Registration for Dialogue on Protection Challenges closed on 10 February 2007. Please contact the UNHCR secretariat.
            """);
        await _bot.PlayAsync(new Person("p2"), $$"""
            card: {"action":"register","meetingId":"{{RegistrationBot.ForumId}}"}
            """, ForumIntro);
    }

    [Fact]
    public async Task A_meeting_without_sessions_or_interpretation_skips_those_questions_and_a_delegate_cancels_one_of_two_registrations()
    {
        var amina = new Person("amina");
        await _bot.PlayAsync(amina, """
            user: register for the global forum
            """, ForumIntro, NominationForm.NameToTheCommittee("Counsellor"), """
            user: focal point
            bot:  What email address
            user: amina.diallo@senegal-mission.org
            bot:  What phone number
            user: skip
            bot:  Anything else the organisers should know
            user: skip
            bot:  Please check your registration for Global Forum on Migration and Development, first meeting | "Migration focal point" | !Sessions | !Interpretation
            user: confirm
            bot:  You are registered for Global Forum on Migration and Development, first meeting. Your confirmation number is R-
                | the deadline (15 June 2007) | Questions: the GFMD Task Force, gfmd-taskforce@example.org
            user: I want to register
            bot:  Which meeting
            user: the seminar
            """, SeminarIntro);
        await _bot.PlayAsync(amina, """
            user: cancel
            bot:  Registration cancelled
            """, NominationForm.UpToTheSummary.Replace("user: I want to register", "user: register for the seminar"), """
            user: confirm
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships
            user: am I registered?
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships (confirmation R-
                | You are registered for Global Forum on Migration and Development, first meeting (confirmation R-
            user: cancel my registration
            bot:  Which registration would you like to cancel? | 1. Global Forum on Migration and Development, first meeting | 2. Migration and Development Series Seminar
            user: forum
            bot:  Cancel your registration R- | for Global Forum on Migration and Development, first meeting?
            user: yes
            bot:  for Global Forum on Migration and Development, first meeting is cancelled.
            user: am I registered?
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships | !Global Forum
            """);

        var active = Assert.Single(await _bot.Store.ListAsync());
        Assert.Equal(RegistrationBot.SeminarId, active.MeetingId);
        Assert.Equal(2, (await _bot.Store.ListAsync(includeCancelled: true)).Count);
    }
}

using DelegateBot.Core.Registrations;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// Whole registration conversations through POST /api/messages of the real host, replies read from the loopback
/// channel: the nomination form from the first question to the confirmation number, the summary with one field
/// changed, registering again, "am I registered?" and cancelling one's own registration.
/// </summary>
public sealed class RegistrationFlowTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static readonly Person Amina = new("amina");

    [Fact]
    public async Task A_delegate_registers_from_the_first_question_to_a_confirmation_number_and_what_happens_next()
    {
        await _bot.PlayAsync(Amina, NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships. Your confirmation number is R-
                | What happens next: the organisers review nominations after the deadline (2 March 2007)
                | Questions: UNITAR c/o Ms. Sarah Rosengärtner
            user: Who chairs panel two?
            bot:  Khalid Koser
            """);

        var saved = Assert.Single(await _bot.Store.ListAsync(RegistrationBot.SeminarId));
        Assert.Matches("^R-[2-9A-HJKMNP-Z]{6}$", saved.ConfirmationNumber);
        Assert.Equal(("Amina Diallo", "amina.diallo@senegal-mission.org", "emulator:amina", RegistrationStatus.Active),
            (saved.FullName, saved.Email, saved.UserKey, saved.Status));
        Assert.Equal(["fullName", "title", "organisation", "committee", "email", "phone", "sessions", "interpretation", "notes"], saved.Answers.Keys);
        Assert.Equal(["First Secretary", "Permanent Mission of Senegal", "Second Committee", "+1 212 963 3021", "French", ""],
            new[] { "title", "organisation", "committee", "phone", "interpretation", "notes" }.Select(k => saved.Answers[k].Value));
        Assert.Equal(["First session", "Third session"], saved.Answers["sessions"].Items);
        var confirmation = _bot.Channel.Calls.Select(c => c.Activity!).Single(a => a.Text?.StartsWith("You are registered", StringComparison.Ordinal) == true);
        Assert.Contains(saved.ConfirmationNumber, confirmation.Text);
    }

    [Fact]
    public async Task The_summary_lets_the_delegate_change_one_field_at_a_time_before_confirming()
    {
        await _bot.PlayAsync(Amina, NominationForm.UpToTheSummary, """
            user: change email
            bot:  What email address should we use to contact you? | Currently: amina.diallo@senegal-mission.org
            user: amina@senegal-mission.org
            bot:  Please check your registration | "amina@senegal-mission.org" | !amina.diallo@ | "Amina Diallo" | "First session, Third session"
            user: no
            bot:  Which field would you like to change? | 1. Full name | 3. Permanent Mission / organisation | 9. Notes
            user: 3
            bot:  Which Permanent Mission or organisation do you represent? | Currently: Permanent Mission of Senegal
            user: Permanent Mission of the Republic of Senegal
            bot:  Please check your registration | "Permanent Mission of the Republic of Senegal" | "amina@senegal-mission.org"
            # The card's Change button: an Action.Submit whose data carries the text (imBack in Teams).
            card: {"text":"change","msteams":{"type":"imBack","value":"change"}}
            bot:  Which field would you like to change?
            user: notes
            bot:  Anything else the organisers should know | Currently: (none)
            user: Wheelchair access, please
            bot:  Please check your registration | "Wheelchair access, please"
            user: yep
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships. Your confirmation number is R-
            """);

        var saved = Assert.Single(await _bot.Store.ListAsync());
        Assert.Equal(("amina@senegal-mission.org", "Permanent Mission of the Republic of Senegal", "Wheelchair access, please", "Amina Diallo"),
            (saved.Email, saved.Answers["organisation"].Value, saved.Answers["notes"].Value, saved.FullName));
    }

    [Fact]
    public async Task Registering_again_updates_the_one_registration_of_that_person_and_meeting()
    {
        await _bot.PlayAsync(Amina, NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered | Your confirmation number is R-
            """);
        var number = Assert.Single(await _bot.Store.ListAsync()).ConfirmationNumber;

        await _bot.PlayAsync(Amina, $"""
            user: I want to register
            bot:  You are already registered for Migration and Development Series Seminar on Building Partnerships (confirmation {number}). | change any field or confirm to keep it
            bot:  Please check your registration | "Amina Diallo" | "+1 212 963 3021"
            user: change my phone
            bot:  What phone number can we reach you on? | Currently: +1 212 963 3021
            user: +41 22 917 12 34
            bot:  Please check your registration | "+41 22 917 12 34"
            user: confirm
            bot:  Your registration for Migration and Development Series Seminar on Building Partnerships is updated. Your confirmation number is still {number}.
            """);
        var updated = Assert.Single(await _bot.Store.ListAsync(includeCancelled: true));
        Assert.Equal((number, "+41 22 917 12 34"), (updated.ConfirmationNumber, updated.Answers["phone"].Value));

        // The same delegate from another chat account: the email says it is the same person, so the same registration.
        await _bot.PlayAsync(new Person("amina-on-teams"), NominationForm.UpToTheSummary, $"""
            user: confirm
            bot:  Your registration for Migration and Development Series Seminar on Building Partnerships is updated. Your confirmation number is still {number}.
            """);
        var one = Assert.Single(await _bot.Store.ListAsync(includeCancelled: true));
        Assert.Equal((number, "emulator:amina-on-teams", "+1 212 963 3021"), (one.ConfirmationNumber, one.UserKey, one.Answers["phone"].Value));
    }

    [Fact]
    public async Task A_delegate_asks_whether_they_are_registered_and_cancels_their_own_registration()
    {
        await _bot.PlayAsync(Amina, """
            user: am I registered?
            bot:  You are not registered for any meeting yet. Say "I want to register" to start.
            """, NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered
            """);
        var number = Assert.Single(await _bot.Store.ListAsync()).ConfirmationNumber;

        await _bot.PlayAsync(new Person("bob"), """
            user: cancel my registration
            bot:  You are not registered for any meeting yet.
            """);
        await _bot.PlayAsync(Amina, $"""
            user: Am I registered?
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships (confirmation {number}).
            user: cancel my registration
            bot:  Cancel your registration {number} for Migration and Development Series Seminar on Building Partnerships? | (1) Yes or (2) No | [Yes] [No]
            user: nope
            bot:  Your registration is kept.
            user: I'd like to cancel my registration please
            bot:  Cancel your registration {number}
            user: maybe
            bot:  Please answer yes or no.
            bot:  Cancel your registration {number}
            user: yes
            bot:  Your registration {number} for Migration and Development Series Seminar on Building Partnerships is cancelled.
            user: am I registered?
            bot:  You are not registered for any meeting yet.
            """);

        Assert.Empty(await _bot.Store.ListAsync());
        var cancelled = Assert.Single(await _bot.Store.ListAsync(includeCancelled: true));
        Assert.Equal((number, RegistrationStatus.Cancelled), (cancelled.ConfirmationNumber, cancelled.Status));
    }
}

namespace DelegateBot.Tests.Registration;

/// <summary>
/// "cancel", "help", "back" and "start over" at several steps, and questions asked in the middle of the form,
/// answered from the documents before the same question is asked again; through the real /api/messages.
/// </summary>
public sealed class RegistrationInterruptionTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private const string ToTheTitle = NominationForm.ToTheName + """

        user: Amina Diallo
        bot:  What is your title or function?
        """;

    [Fact]
    public async Task Cancel_at_the_first_question_in_the_middle_and_at_the_summary_saves_nothing()
    {
        await _bot.PlayAsync(new Person("amina"), NominationForm.ToTheName, """
            user: cancel
            bot:  Registration cancelled; nothing was saved.
            user: Who chairs panel two?
            bot:  Khalid Koser
            """, ToTheTitle, """
            user: Expert
            bot:  Which Permanent Mission
            user: cancel my registration
            bot:  Registration cancelled; nothing was saved.
            """, NominationForm.UpToTheSummary, """
            user: stop please
            bot:  Registration cancelled; nothing was saved.
            user: confirm
            bot:  !You are registered
            """);

        Assert.Empty(await _bot.Store.ListAsync(includeCancelled: true));
    }

    [Fact]
    public async Task Help_explains_the_question_at_hand_then_asks_it_again()
    {
        await _bot.PlayAsync(new Person("amina"), NominationForm.ToTheName, """
            user: help
            bot:  I am asking for your Full name. Answer in your own words; you can also type back (previous question), start over, or cancel.
            bot:  What is your full name (as it should appear on your badge)?
            user: Amina Diallo
            bot:  What is your title or function?
            user: ?
            bot:  Pick one from the list, or type your own title (for example: Legal Adviser).
            bot:  What is your title or function? | 1. Ambassador
            """);
        await _bot.PlayAsync(new Person("bob"), NominationForm.UpToTheSummary, """
            user: I need help
            bot:  Type confirm to register, or change and a field to edit it (for example: change email).
            bot:  Please check your registration | "Amina Diallo"
            """);
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_with_its_answer_and_from_the_summary_or_an_edit()
    {
        await _bot.PlayAsync(new Person("amina"), NominationForm.ToTheName, """
            user: back
            bot:  This is the first question.
            bot:  What is your full name
            user: Amina Diallo
            bot:  What is your title
            user: Expert
            bot:  Which Permanent Mission
            user: Permanent Mission of Senegal
            bot:  Which committee
            user: go back
            bot:  Going back.
            bot:  Which Permanent Mission or organisation do you represent? | Currently: Permanent Mission of Senegal
            user: back
            bot:  Going back.
            bot:  What is your title or function? | Currently: Expert
            user: 3
            bot:  Which Permanent Mission or organisation do you represent? | Currently: Permanent Mission of Senegal
            """);
        await _bot.PlayAsync(new Person("bob"), NominationForm.UpToTheSummary, """
            user: back
            bot:  Going back.
            bot:  Anything else the organisers should know | Currently: (none)
            user: Vegetarian meals
            bot:  Please check your registration | "Vegetarian meals"
            user: change email
            bot:  What email address
            user: previous question
            bot:  Please check your registration | "amina.diallo@senegal-mission.org"
            """);
    }

    [Fact]
    public async Task Start_over_clears_the_answers_and_asks_the_first_question_again()
    {
        await _bot.PlayAsync(new Person("amina"), ToTheTitle, """
            user: Expert
            bot:  Which Permanent Mission
            user: start over
            bot:  Starting over.
            bot:  What is your full name | !Currently
            user: Amadou Ba
            bot:  What is your title or function? | !Currently
            """);
        await _bot.PlayAsync(new Person("bob"), NominationForm.UpToTheSummary, """
            user: let's start again
            bot:  Starting over.
            bot:  What is your full name | !Currently
            """);
    }

    [Fact]
    public async Task A_question_in_the_middle_is_answered_from_the_documents_and_the_same_step_is_asked_again()
    {
        await _bot.PlayAsync(new Person("amina"), ToTheTitle, """
            user: First Secretary
            bot:  Which Permanent Mission or organisation do you represent?
            user: Where will the seminar be held?
            bot:  Conference Room 9 | United Nations Headquarters | Source:
            bot:  Back to your registration:
            bot:  Which Permanent Mission or organisation do you represent?
            user: Am I registered?
            bot:  You are not registered for any meeting yet.
            bot:  Back to your registration:
            bot:  Which Permanent Mission or organisation do you represent?
            user: Permanent Mission of Senegal
            bot:  Which committee do you cover
            """);
        await _bot.PlayAsync(new Person("bob"), NominationForm.UpToTheSummary, """
            user: Who chairs panel two?
            bot:  Khalid Koser
            bot:  Back to your registration:
            bot:  Please check your registration | "Amina Diallo"
            user: confirm
            bot:  You are registered
            """);
    }
}

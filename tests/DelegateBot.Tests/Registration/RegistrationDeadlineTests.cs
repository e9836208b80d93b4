namespace DelegateBot.Tests.Registration;

/// <summary>
/// The deadline rule from the meeting's own data (the seminar's documents: registration deadline 2 March 2007, New
/// York), on the host's injected clock: open through the deadline day in New York, closed after it with the date and
/// whom to contact, and open again when the organiser allows late registration in configuration.
/// </summary>
public sealed class RegistrationDeadlineTests : IAsyncLifetime
{
    private RegistrationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RegistrationBot.StartAsync(RegistrationBot.NewYork(2007, 3, 2, 23, 30));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private const string Closed = """
        bot:  Registration for Migration and Development Series Seminar on Building Partnerships closed on 2 March 2007.
            | Please contact UNITAR c/o Ms. Sarah Rosengärtner, 1 United Nations Plaza | (212) 963-3021
        """;

    [Fact]
    public async Task Open_until_the_end_of_the_deadline_day_in_New_York_then_closed_with_the_date_and_the_contact()
    {
        // 23:30 on 2 March in New York is already 3 March in UTC: still open.
        await _bot.PlayAsync(new Person("amina"), NominationForm.UpToTheSummary);

        // The deadline passes while the summary is on screen: confirming is refused, nothing is saved.
        _bot.Clock.SetUtcNow(RegistrationBot.NewYork(2007, 3, 3, 0, 5));
        await _bot.PlayAsync(new Person("amina"), """
            user: confirm
            """, Closed, """
            user: I want to register
            """, Closed, """
            user: register for the seminar
            """, Closed);
        await _bot.PlayAsync(new Person("amadou", "fr-FR"), """
            user: je veux m'inscrire
            bot:  Les inscriptions à : Migration and Development Series Seminar on Building Partnerships ont été closes le 2 mars 2007. | Veuillez contacter UNITAR
            """);
        Assert.Empty(await _bot.Store.ListAsync(includeCancelled: true));
    }

    [Fact]
    public async Task Late_registration_allowed_in_configuration_for_every_meeting_or_for_one()
    {
        _bot.Clock.SetUtcNow(RegistrationBot.NewYork(2007, 3, 5, 9));
        await _bot.PlayAsync(new Person("amina"), "user: I want to register", Closed);

        await _bot.RestartAsync(s => s["Registration:AllowLate"] = "true");
        await _bot.PlayAsync(new Person("amina"), NominationForm.UpToTheSummary, """
            user: confirm
            bot:  You are registered for Migration and Development Series Seminar on Building Partnerships. Your confirmation number is R-
            """);

        await _bot.RestartAsync(s =>
        {
            s.Remove("Registration:AllowLate");
            s[$"Registration:Meetings:{RegistrationBot.SeminarId}:AllowLate"] = "true";
        });
        await _bot.PlayAsync(new Person("amadou"), """
            user: I want to register
            bot:  Let's register you for Migration and Development Series Seminar on Building Partnerships
            bot:  What is your full name
            """);
        Assert.Single(await _bot.Store.ListAsync());
    }
}

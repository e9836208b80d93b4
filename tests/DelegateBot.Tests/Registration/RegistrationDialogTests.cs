using DelegateBot.Core.Registrations;

namespace DelegateBot.Tests.Registration;

/// <summary>The registration flow defined by dialogs/registration.yaml, conversation by conversation.</summary>
public sealed class RegistrationDialogTests : IDisposable
{
    private readonly RegistrationHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_delegate_registers_from_start_to_confirmation_number()
    {
        await _h.Flow()
            .Send("I want to register")
            .AssertReplyShows("Migration and Development Series Seminar on Building Partnerships", "7 March 2007", "9 questions")
            .AssertReplyShows("What is your full name")
            .Send("Amina Diallo").AssertReplyShows("What is your title or function?", "First Secretary")
            .Send("first secretary").AssertReplyShows("Which Permanent Mission or organisation")
            .Send("Permanent Mission of Senegal").AssertReplyShows("Which committee")
            .Send("C2").AssertReplyShows("What email address")
            .Send("amina.diallo@senegal-mission").AssertReplyShows("not a valid domain").AssertReplyShows("Please type an email address")
            .Send("Amina.Diallo@Senegal-Mission.org").AssertReplyShows("What phone number", "optional")
            .Send("(212) 963-3021").AssertReplyShows("Which sessions", "1. First session", "3. Third session")
            .Send("1 and 3").AssertReplyShows("interpretation", "French")
            .Send("French").AssertReplyShows("Anything else")
            .Send("skip")
            .AssertReplyShows("Please check your registration", "Amina Diallo", "First Secretary", "Permanent Mission of Senegal", "Second Committee",
                "amina.diallo@senegal-mission.org", "+1 212 963 3021", "First session, Third session", "French", "(none)")
            .Send("confirm")
            .AssertReplyShows("You are registered for Migration and Development Series Seminar on Building Partnerships", "confirmation number is R-", "2 March 2007", "Rosengärtner")
            .Send("thanks").AssertReply("[answer to: thanks]")
            .StartTestAsync();

        var saved = Assert.Single(await _h.Store.ListAsync(RegistrationHarness.SeminarId));
        Assert.Equal("Amina Diallo", saved.FullName);
        Assert.Equal("amina.diallo@senegal-mission.org", saved.Email);
        Assert.Equal("First Secretary", saved.Answers["title"].Value);
        Assert.Equal("Second Committee", saved.Answers["committee"].Value);
        Assert.Equal(["First session", "Third session"], saved.Answers["sessions"].Items);
        Assert.Equal("+1 212 963 3021", saved.Answers["phone"].Value);
        Assert.Equal("", saved.Answers["notes"].Value);
        Assert.Equal("emulator:user1", saved.UserKey);
    }
}

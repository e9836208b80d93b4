using DelegateBot.Core.Registrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Core.Tests.Registrations;

public sealed class RegistrationStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("registrations-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2007, 2, 20, 14, 0, 0, TimeSpan.Zero));

    private string DatabasePath => Path.Combine(_folder, "data", "registrations.db");

    private RegistrationStore NewStore() => new(DatabasePath, _clock);

    private static RegistrationRequest Request(RegistrantIdentity who, string name = "Amina Diallo", string meeting = "seminar", string? email = null)
        => new(meeting, who with { Email = email ?? who.Email }, name,
            new Dictionary<string, RegistrationAnswer>
            {
                ["fullName"] = new(name),
                ["email"] = new(email ?? who.Email ?? ""),
                ["sessions"] = new("First session; Third session") { Items = ["First session", "Third session"] },
            }, "fr-FR");

    private static readonly RegistrantIdentity Amina = new("msteams", "29:amina", "AAD-1", "amina@mission.sn");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Creates_its_schema_and_keeps_registrations_across_instances()
    {
        var saved = await NewStore().SaveAsync(Request(Amina));
        Assert.False(saved.Updated);
        Assert.Matches("^R-[2-9A-HJKMNP-Z]{6}$", saved.Registration.ConfirmationNumber);
        Assert.True(File.Exists(DatabasePath));

        var found = await NewStore().FindAsync("seminar", Amina);
        Assert.NotNull(found);
        Assert.Equal(saved.Registration.ConfirmationNumber, found.ConfirmationNumber);
        Assert.Equal(["First session", "Third session"], found.Answers["sessions"].Items);
        Assert.Equal("aad:aad-1", found.UserKey);
        Assert.Equal(_clock.GetUtcNow(), found.CreatedAt);
    }

    [Fact]
    public async Task Registering_again_updates_the_same_registration()
    {
        var store = NewStore();
        var first = await store.SaveAsync(Request(Amina));
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await store.SaveAsync(Request(Amina, name: "Amina N. Diallo"));
        Assert.True(second.Updated);
        Assert.Equal(first.Registration.ConfirmationNumber, second.Registration.ConfirmationNumber);
        var all = await store.ListAsync("seminar");
        var only = Assert.Single(all);
        Assert.Equal("Amina N. Diallo", only.FullName);
        Assert.Equal(first.Registration.CreatedAt, only.CreatedAt);
        Assert.Equal(_clock.GetUtcNow(), only.UpdatedAt);
    }

    [Fact]
    public async Task The_same_email_from_another_channel_is_the_same_person()
    {
        var store = NewStore();
        var teams = await store.SaveAsync(Request(new RegistrantIdentity("msteams", "29:x", Email: "Amina@Mission.SN")));
        var webchat = await store.SaveAsync(Request(new RegistrantIdentity("webchat", "dl_123", Email: "amina@mission.sn")));
        Assert.True(webchat.Updated);
        Assert.Equal(teams.Registration.ConfirmationNumber, webchat.Registration.ConfirmationNumber);
        Assert.Equal("webchat:dl_123", Assert.Single(await store.ListAsync()).UserKey);
    }

    [Fact]
    public async Task Two_rows_of_one_person_are_merged_when_their_email_meets_their_identity()
    {
        var store = NewStore();
        var who = new RegistrantIdentity("webchat", "u1", Email: "a@un.org");
        await store.SaveAsync(Request(who));
        await store.SaveAsync(Request(new RegistrantIdentity("msteams", "u2", Email: "b@un.org")));
        // u1 now gives b@un.org: both rows are the same person.
        await store.SaveAsync(Request(who with { Email = "b@un.org" }));
        var row = Assert.Single(await store.ListAsync());
        Assert.Equal("webchat:u1", row.UserKey);
        Assert.Equal("b@un.org", row.Email);
    }

    [Fact]
    public async Task One_registration_per_meeting_not_per_person()
    {
        var store = NewStore();
        await store.SaveAsync(Request(Amina, meeting: "seminar"));
        await store.SaveAsync(Request(Amina, meeting: "debate"));
        Assert.Equal(["debate", "seminar"], (await store.FindForPersonAsync(Amina)).Select(r => r.MeetingId).Order());
        Assert.Single(await store.ListAsync("debate"));
    }

    [Fact]
    public async Task Cancelling_hides_the_registration_and_registering_again_revives_it()
    {
        var store = NewStore();
        var saved = await store.SaveAsync(Request(Amina));
        var cancelled = await store.CancelAsync("seminar", Amina);
        Assert.Equal(RegistrationStatus.Cancelled, cancelled!.Status);
        Assert.Null(await store.FindAsync("seminar", Amina));
        Assert.Empty(await store.ListAsync("seminar"));
        Assert.Equal(RegistrationStatus.Cancelled, Assert.Single(await store.ListAsync("seminar", includeCancelled: true)).Status);
        Assert.Null(await store.CancelAsync("seminar", Amina));

        var again = await store.SaveAsync(Request(Amina));
        Assert.False(again.Updated); // it was cancelled: this is a new registration for the person
        Assert.Equal(saved.Registration.ConfirmationNumber, again.Registration.ConfirmationNumber);
        Assert.Equal(RegistrationStatus.Active, Assert.Single(await store.ListAsync("seminar")).Status);
    }

    [Fact]
    public async Task Someone_else_cannot_cancel_a_registration()
    {
        var store = NewStore();
        await store.SaveAsync(Request(Amina));
        Assert.Null(await store.CancelAsync("seminar", new RegistrantIdentity("msteams", "29:other")));
        Assert.Single(await store.ListAsync("seminar"));
    }

    [Fact]
    public async Task Concurrent_saves_of_different_people_all_land()
    {
        var store = NewStore();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.SaveAsync(Request(new RegistrantIdentity("webchat", $"u{i}", Email: $"u{i}@un.org")))));
        var all = await store.ListAsync("seminar");
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Select(r => r.ConfirmationNumber).Distinct().Count());
    }
}

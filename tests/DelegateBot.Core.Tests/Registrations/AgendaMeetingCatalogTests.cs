using DelegateBot.Core.Registrations;
using DelegateBot.Core.Tests.Agenda;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Tests.Registrations;

public class AgendaMeetingCatalogTests
{
    private sealed class Monitor(RegistrationOptions value) : IOptionsMonitor<RegistrationOptions>
    {
        public RegistrationOptions CurrentValue => value;
        public RegistrationOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<RegistrationOptions, string?> listener) => null;
    }

    [Fact]
    public void The_seed_documents_offer_the_unitar_seminar_with_its_deadline_sessions_and_french()
    {
        using var agenda = new AgendaServiceFixture();
        var catalog = new AgendaMeetingCatalog(agenda.Service, new Monitor(new RegistrationOptions()));
        var seminar = Assert.Single(catalog.Meetings);
        Assert.Equal("migration-and-development-series-seminar-on-building-2007", seminar.Id);
        Assert.Equal(new DateOnly(2007, 3, 2), seminar.Deadline);
        Assert.Equal("America/New_York", seminar.TimeZone);
        Assert.Equal(["First session", "Second session", "Third session"], seminar.Sessions.Select(s => s.Title));
        Assert.Equal(["French"], seminar.InterpretationLanguages);
        Assert.Contains("Rosengärtner", seminar.Contact);
        Assert.Equal("1", seminar.CountryCode);
        Assert.Equal("7 March 2007", seminar.DatesText);
    }

    [Fact]
    public void Configuration_opens_other_meetings_and_replaces_what_the_documents_say()
    {
        using var agenda = new AgendaServiceFixture();
        var options = new RegistrationOptions();
        options.Meetings["informal-thematic-debate-on-international-migration-and-2011"] = new MeetingRegistrationOptions
        {
            Open = true, Deadline = new DateOnly(2011, 5, 12), Contact = "dpi@un.org", InterpretationLanguages = ["French", "Spanish"], AllowLate = true,
        };
        options.Meetings["migration-and-development-series-seminar-on-building-2007"] = new MeetingRegistrationOptions { Open = false };
        var catalog = new AgendaMeetingCatalog(agenda.Service, new Monitor(options));
        var debate = Assert.Single(catalog.Meetings);
        Assert.Equal(new DateOnly(2011, 5, 12), debate.Deadline);
        Assert.Equal("dpi@un.org", debate.Contact);
        Assert.Equal(["French", "Spanish"], debate.InterpretationLanguages);
        Assert.True(debate.AllowLate);
        Assert.Equal(5, debate.Sessions.Count);
        Assert.NotNull(((IMeetingCatalog)catalog).Find("INFORMAL-thematic-debate-on-international-migration-and-2011"));
    }

    [Theory]
    [InlineData("French", new[] { "French" })]
    [InlineData("French and Spanish", new[] { "French", "Spanish" })]
    [InlineData("Arabic, Chinese, English, French, Russian and Spanish", new[] { "Arabic", "Chinese", "English", "French", "Russian", "Spanish" })]
    [InlineData("French interpretation", new[] { "French" })]
    [InlineData("", new string[0])]
    public void Interpretation_languages_are_read_from_the_documents_words(string text, string[] expected)
        => Assert.Equal(expected, AgendaMeetingCatalog.Languages(text));
}

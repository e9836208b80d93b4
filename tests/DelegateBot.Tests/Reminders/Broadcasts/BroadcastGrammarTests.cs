using DelegateBot.Core.Recognizers;
using DelegateBot.Reminders.Broadcasts;

namespace DelegateBot.Tests.Reminders.Broadcasts;

public sealed class BroadcastGrammarTests
{
    private static BroadcastWords Words(string text) => Assert.IsType<OrganiserCommand.Broadcast>(BroadcastGrammar.Parse(text)).Words;

    [Fact]
    public void A_plain_broadcast_goes_to_everyone_now_and_keeps_the_text_as_typed()
    {
        var w = Words("broadcast: Panel two starts in 10 minutes in Conference Room 4 (not 3!)");
        Assert.Equal(new BroadcastWords(TargetKind.Everyone, null, null, "Panel two starts in 10 minutes in Conference Room 4 (not 3!)", RecognizerLanguage.English), w);
        Assert.Equal(TargetKind.Everyone, Words("Broadcast to everyone: Coffee is served").Target);
    }

    [Theory]
    [InlineData("broadcast to registrants of the debate: Room change", TargetKind.Registrants, "the debate")]
    [InlineData("broadcast to the registrants of informal-thematic-debate-on-international-migration-and-2011: x", TargetKind.Registrants, "informal-thematic-debate-on-international-migration-and-2011")]
    [InlineData("broadcast to seminar registrants: x", TargetKind.Registrants, "seminar")]
    [InlineData("broadcast to panel two subscribers: Panel two moved", TargetKind.SessionSubscribers, "panel two")]
    [InlineData("broadcast to subscribers of debate-id/panel-one: x", TargetKind.SessionSubscribers, "debate-id/panel-one")]
    [InlineData("diffuser aux inscrits du séminaire : Changement de salle", TargetKind.Registrants, "seminaire")]
    [InlineData("diffuser aux abonnés de panel two : x", TargetKind.SessionSubscribers, "panel two")]
    public void The_audience_is_read_from_the_words_before_the_colon(string text, TargetKind target, string name)
    {
        var w = Words(text);
        Assert.Equal((target, name), (w.Target, w.Name));
        Assert.Null(w.When);
    }

    [Theory]
    [InlineData("broadcast at 15:00: x", 15, 0, null)]
    [InlineData("broadcast at 3pm on 19 May: x", 15, 0, "19 may")]
    [InlineData("broadcast at 9:30 am tomorrow: x", 9, 30, "tomorrow")]
    [InlineData("broadcast on 19 May 2031 at 15:00: x", 15, 0, "19 may 2031")]
    [InlineData("diffuser à 15h le 19 mai : x", 15, 0, "19 mai")]
    [InlineData("diffuser le 19 mai à 15h30 : x", 15, 30, "19 mai")]
    public void A_clock_time_and_a_date_at_the_end_schedule_it(string text, int hour, int minute, string? date)
    {
        var w = Words(text);
        Assert.Equal(new TimeWords(Clock: new TimeOnly(hour, minute), Date: date), w.When);
        Assert.Equal(TargetKind.Everyone, w.Target);
        Assert.Equal("x", w.Text);
    }

    [Fact]
    public void Audience_and_time_combine_and_colons_inside_times_do_not_end_the_command()
    {
        var w = Words("broadcast to registrants of the Seminar on Building Partnerships at 15:00 on 7 March: Room change: now Room 9");
        Assert.Equal((TargetKind.Registrants, "the seminar on building partnerships"), (w.Target, w.Name));
        Assert.Equal(new TimeWords(Clock: new TimeOnly(15, 0), Date: "7 march"), w.When);
        Assert.Equal("Room change: now Room 9", w.Text);

        var iso = Words("broadcast to panel two subscribers at 2030-01-10T15:00Z: x");
        Assert.Equal((TargetKind.SessionSubscribers, "panel two", "2030-01-10T15:00Z"), (iso.Target, iso.Name, iso.When!.Iso));
        var delay = Words("broadcast to registrants of the debate in 10 minutes: x");
        Assert.Equal((TargetKind.Registrants, "the debate", TimeSpan.FromMinutes(10)), (delay.Target, delay.Name, delay.When!.In));
        Assert.Equal(TimeSpan.FromHours(2), Words("diffuser dans 2 heures : x").When!.In);
    }

    [Theory]
    [InlineData("broadcast:   ", "The message is empty")]
    [InlineData("broadcast to the moon people: x", "I don't understand who \"to the moon people\" is")]
    public void Unreadable_commands_say_what_to_fix(string text, string problem) =>
        Assert.Contains(problem, Assert.IsType<OrganiserCommand.Malformed>(BroadcastGrammar.Parse(text)).Problem);

    [Theory]
    [InlineData("delivery report", null)]
    [InlineData("Delivery report B-7K3M9Q", "B-7K3M9Q")]
    [InlineData("rapport de diffusion pour B-7K3M9Q ?", "B-7K3M9Q")]
    public void Reports_are_asked_for_with_or_without_an_id(string text, string? id) =>
        Assert.Equal(id, Assert.IsType<OrganiserCommand.Report>(BroadcastGrammar.Parse(text)).Id);

    [Theory]
    [InlineData("Who chairs panel two?")]
    [InlineData("When is the broadcast of the debate?")]
    [InlineData("what did the broadcast say")]
    public void Questions_are_not_commands(string text) => Assert.Null(BroadcastGrammar.Parse(text));

    [Fact]
    public void Listing_is_a_command() => Assert.IsType<OrganiserCommand.List>(BroadcastGrammar.Parse("list broadcasts"));
}

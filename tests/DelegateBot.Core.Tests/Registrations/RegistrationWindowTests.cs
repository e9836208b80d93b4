using DelegateBot.Core.Registrations;

namespace DelegateBot.Core.Tests.Registrations;

public class RegistrationWindowTests
{
    private static readonly RegistrationMeeting Seminar = new("seminar", "Seminar", "America/New_York")
    {
        StartDate = new DateOnly(2007, 3, 7),
        EndDate = new DateOnly(2007, 3, 7),
        Deadline = new DateOnly(2007, 3, 2),
    };

    [Theory]
    [InlineData("2007-02-20T12:00:00Z", true, null)]
    [InlineData("2007-03-03T04:30:00Z", true, null)] // 23:30 on 2 March in New York, already 3 March in UTC
    [InlineData("2007-03-03T05:00:00Z", false, "2007-03-02")] // midnight in New York
    [InlineData("2007-03-10T12:00:00Z", false, "2007-03-02")]
    public void The_deadline_day_counts_in_the_meetings_time_zone(string now, bool open, string? closedOn)
    {
        var result = RegistrationWindow.Check(Seminar, DateTimeOffset.Parse(now), allowLate: false);
        Assert.Equal(open, result.IsOpen);
        Assert.Equal(closedOn is null ? null : DateOnly.Parse(closedOn), result.ClosedOn);
    }

    [Fact]
    public void Without_a_deadline_registration_closes_after_the_meeting()
    {
        var meeting = Seminar with { Deadline = null };
        Assert.True(RegistrationWindow.Check(meeting, DateTimeOffset.Parse("2007-03-07T22:00:00Z"), false).IsOpen);
        Assert.Equal(new DateOnly(2007, 3, 7), RegistrationWindow.Check(meeting, DateTimeOffset.Parse("2007-03-08T12:00:00Z"), false).ClosedOn);
    }

    [Fact]
    public void Late_registration_can_be_allowed_globally_or_per_meeting()
    {
        var late = DateTimeOffset.Parse("2007-03-05T12:00:00Z");
        Assert.True(RegistrationWindow.Check(Seminar, late, allowLate: true).IsOpen);
        Assert.True(RegistrationWindow.Check(Seminar with { AllowLate = true }, late, allowLate: false).IsOpen);
    }
}

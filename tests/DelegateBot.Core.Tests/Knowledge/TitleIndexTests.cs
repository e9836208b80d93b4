using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Tests.Knowledge;

public class TitleIndexTests
{
    private static readonly TitleIndex Titles = new(new[]
    {
        new HashSet<string> { "seminar", "migrat", "health" },
        new HashSet<string> { "workshop", "migrat", "data" },
        new HashSet<string> { "seminar", "remitt" },
    });

    [Theory]
    [InlineData(new[] { "health" }, 0)]
    [InlineData(new[] { "seminar", "remitt" }, 2)]
    [InlineData(new[] { "migrat", "data" }, 1)]
    [InlineData(new[] { "migrat" }, -2)]
    [InlineData(new[] { "seminar" }, -2)]
    [InlineData(new[] { "workshop", "health" }, -1)]
    [InlineData(new[] { "visa" }, -1)]
    [InlineData(new string[0], -2)]
    public void Single_finds_the_one_title_holding_every_stem(string[] stems, int expected) =>
        Assert.Equal(expected, Titles.Single(stems));

    [Fact]
    public void Holds_needs_every_stem()
    {
        Assert.True(Titles.Holds(1, ["data", "workshop"]));
        Assert.False(Titles.Holds(1, ["data", "seminar"]));
    }
}

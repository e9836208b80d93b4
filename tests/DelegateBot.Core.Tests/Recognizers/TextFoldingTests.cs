using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Tests.Recognizers;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Première  Session", "premiere session")]
    [InlineData("  D’accord ", "d'accord")]
    [InlineData("sœur Æsop", "soeur aesop")]
    [InlineData("1\u00A0000", "1 000")]
    [InlineData("Genève – Zürich", "geneve - zurich")]
    public void Fold(string text, string expected) => Assert.Equal(expected, TextFolding.Fold(text));

    [Theory]
    [InlineData("session", "session", 0)]
    [InlineData("sesison", "session", 1)]
    [InlineData("sesion", "session", 1)]
    [InlineData("sessionn", "session", 1)]
    [InlineData("abc", "xyz", 3)]
    [InlineData("remittances", "remmitances", 2)]
    public void Edit_distance(string a, string b, int expected) => Assert.Equal(expected, TextFolding.EditDistance(a, b, 3));

    [Fact]
    public void Edit_distance_is_capped() => Assert.Equal(2, TextFolding.EditDistance("abcdef", "uvwxyz", 1));
}

using System.Text.RegularExpressions;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>
/// Places are found by a pattern without the optional "the " before the names (faster to search), after a search for
/// any of the names: the places found must be those of the pattern as first written.
/// </summary>
public class PlacesPatternTests
{
    private static readonly string[] Texts =
    [
        "The Forum will be held in the Philippines, in Manila, on 29 and 30 October 2008.",
        "the Netherlands and the United Arab Emirates, then the Republic of Korea;the Philippines",
        "breathe Manila air in Mexico City, not Mexico; New Yorkers in New York",
        "Conference Room 4, North Lawn Building, UN Headquarters, New York",
        "the  Hague or The Hague, Geneva-based, Genevan, (Brussels) \"Brussels\" Brussels's",
    ];

    [Fact]
    public void Finds_the_places_of_the_original_pattern()
    {
        var places = new Places();
        var lines = AgendaTestData.SeedDocuments().Select(d => d.Text)
            .Append(AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt").Text)
            .SelectMany(t => t.Split('\n')).Concat(Texts).ToList();
        var original = Original(places);
        var found = 0;
        foreach (var line in lines)
        {
            var expected = original.Matches(line).Select(m => (m.Groups[1].Index, m.Groups[1].Length)).ToList();
            Assert.Equal(expected, places.Find(line).Select(p => (p.Index, p.Length)).ToList());
            found += expected.Count;
        }
        Assert.True(found > 100, $"only {found} places found: the comparison would prove little");
    }

    [Fact]
    public void A_configured_name_starting_with_the_keeps_the_original_pattern()
    {
        var extra = new Dictionary<string, string> { ["the Hague Campus"] = "Europe/Amsterdam", ["Hague Campus"] = "Europe/Amsterdam" };
        var places = new Places(extra);
        var original = Original(places);
        foreach (var text in Texts.Append("at the Hague Campus and at the the Hague Campus"))
            Assert.Equal(original.Matches(text).Select(m => m.Groups[1].Value).ToList(), places.Find(text).Select(p => p.Place.Name).ToList());
        Assert.Equal("Hague Campus", places.Find("at the Hague Campus")[0].Place.Name);
    }

    /// <summary>The pattern as first written: the names longest first, after an optional "the ".</summary>
    private static Regex Original(Places places) =>
        new(@"\b(?:the\s+)?(" + string.Join("|", places.Names.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")\b");
}

using DelegateBot.Core.Knowledge.Acronyms;

namespace DelegateBot.Core.Tests.Knowledge;

public class AcronymTests
{
    [Fact]
    public void Definitions_in_parentheses_are_learned()
    {
        var table = AcronymLearner.Learn(
        [
            "IOM first presented a proposal for an \"International Migration and Development Initiative\" (IMDI) to the Global Migration Group (GMG) in July 2006.",
            "The United Nations Children's Fund (UNICEF) and the Economic Commission for Africa (ECA) took part.",
        ], []);

        Assert.Equal("International Migration and Development Initiative", table.Expand("IMDI").Single().Expansion);
        Assert.Equal("Global Migration Group", table.Expand("GMG").Single().Expansion);
        Assert.Equal("United Nations Children's Fund", table.Expand("UNICEF").Single().Expansion);
        Assert.Equal("Economic Commission for Africa", table.Expand("ECA").Single().Expansion);
        Assert.All(table.Pairs, p => Assert.Equal(AcronymOrigin.Defined, p.Origin));
    }

    [Fact]
    public void Initials_of_capitalised_names_resolve_acronyms_the_documents_never_spell_out()
    {
        var table = AcronymLearner.Learn(
        [
            "The Global Forum on Migration and Development met in Brussels. The Global Forum on Migration and Development meets again in Manila.",
            "Follow-up to the High-level Dialogue continues.",
            "the African, Caribbean and Pacific States Migration Facility received funds. The IDM is convened yearly; see the International Dialogue on Migration.",
        ], []);

        Assert.Equal("Global Forum on Migration and Development", table.Expand("GFMD").Single().Expansion);
        Assert.Equal("High-level Dialogue", table.Expand("HLD").Single().Expansion);
        Assert.Equal("African, Caribbean and Pacific", table.Expand("ACP").Single().Expansion);
        // IDM occurs in the text, so its pair is learned up front (and expands queries both ways).
        Assert.Contains(table.Pairs, p => p.Acronym == "IDM" && p.Expansion == "International Dialogue on Migration" && p.Origin == AcronymOrigin.Initials);
        Assert.Empty(table.Expand("XYZ"));
    }

    [Fact]
    public void The_glossary_adds_acronyms_and_synonyms_and_wins_over_learned_pairs()
    {
        var glossary = GlossaryFile.Parse("""
            acronyms:
              GMG: Global Migration Group of agencies
              PGA: [President of the General Assembly]
            synonyms:
              - [wifi, wireless network]
            """);
        var table = AcronymLearner.Learn(["the Global Migration Group (GMG) met"], glossary.Acronyms);

        Assert.Equal("Global Migration Group of agencies", table.Expand("GMG")[0].Expansion);
        Assert.Equal(AcronymOrigin.Glossary, table.Expand("GMG")[0].Origin);
        Assert.Equal("President of the General Assembly", table.Expand("pga").Single().Expansion);
        Assert.Equal(["wifi", "wireless network"], glossary.Synonyms.Single());
    }

    [Fact]
    public void A_malformed_glossary_is_ignored_not_fatal()
    {
        using var folder = new KnowledgeFolder();
        var path = folder.Write("glossary.yaml", "acronyms: [unclosed");
        var glossary = GlossaryFile.Load(path, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Empty(glossary.Acronyms);
    }
}

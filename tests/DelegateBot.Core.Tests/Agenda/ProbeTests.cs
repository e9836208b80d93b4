using System.Text.Json;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

public class ProbeTests
{
    [Fact]
    public void Dump()
    {
        var docs = AgendaTestData.SeedDocuments().ToList();
        docs.Add(AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt"));
        foreach (var f in new[] { "gcm_objectives_1-19_actions.txt", "iom_constitution_en.txt", "ted_dilip_ratha_remittances.txt", "un_smuggling_of_migrants_protocol_en.txt" })
            docs.Add(AgendaTestData.CorpusDocument(f));
        var agenda = new AgendaExtractor().Extract(docs);
        File.WriteAllText("/tmp/agenda-probe.json", JsonSerializer.Serialize(agenda, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}

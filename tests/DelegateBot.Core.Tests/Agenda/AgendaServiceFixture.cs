using DelegateBot.Core.Agenda;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>An AgendaService over the seed documents, on a fake clock, with its own knowledge folder for agenda.yaml.</summary>
internal sealed class AgendaServiceFixture : IDisposable
{
    public AgendaServiceFixture(string? agendaYaml = null, DateTimeOffset? now = null)
    {
        Folder = Directory.CreateTempSubdirectory("agenda-test-").FullName;
        if (agendaYaml is not null) File.WriteAllText(Path.Combine(Folder, "agenda.yaml"), agendaYaml);
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)); // tests move it forward
        Service = new AgendaService(Options.Create(new AgendaOptions { KnowledgePath = Folder }), Clock);
        Service.Rebuild(AgendaTestData.SeedDocuments());
    }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; }
    public AgendaService Service { get; }

    /// <summary>Sets the fake clock to a wall-clock time in New York (where the seed meetings are).</summary>
    public void NewYork(int year, int month, int day, int hour, int minute = 0)
    {
        var instant = DelegateBot.Core.Agenda.AgendaTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), "America/New_York");
        Clock.SetUtcNow(instant);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

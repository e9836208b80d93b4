using DelegateBot.Core.Agenda;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Tests.Agenda;

public class AgendaOverridesWatcherTests
{
    [Fact]
    public async Task Saving_agenda_yaml_rebuilds_the_agenda()
    {
        using var f = new AgendaServiceFixture();
        var options = Options.Create(new AgendaOptions { KnowledgePath = f.Folder });
        using var watcher = new AgendaOverridesWatcher(f.Service, options, NullLogger<AgendaOverridesWatcher>.Instance);
        var rebuilt = new TaskCompletionSource<DelegateBot.Core.Agenda.Agenda>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Service.Changed += a => { if (a.FindMeeting("experts-symposium-2011")?.Room == "Room 7") rebuilt.TrySetResult(a); };
        await watcher.StartAsync(CancellationToken.None);

        await File.WriteAllTextAsync(Path.Combine(f.Folder, "agenda.yaml"), "meetings:\n  - match: experts-symposium-2011\n    room: Room 7\n");

        // File notifications arrive asynchronously; the generous wait only bounds a failure, it measures nothing.
        var agenda = await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("agenda.yaml", agenda.FindMeeting("experts-symposium-2011")!.SourceOf(AgendaFields.Room).Source);
        await watcher.StopAsync(CancellationToken.None);
    }
}

using DelegateBot.Tests.Bot;
using Microsoft.Extensions.Options;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>A bad Reminders:Delivery setting stops the service at start with the setting named, not at the first broadcast.</summary>
public sealed class DeliveryOptionsTests
{
    [Fact]
    public void The_service_refuses_to_start_with_unusable_delivery_limits()
    {
        var folder = Directory.CreateTempSubdirectory("delegatebot-delivery-options-").FullName;
        try
        {
            using var app = new BotAppFactory(folder, new Dictionary<string, string?>
            {
                ["Reminders:Delivery:Concurrency"] = "0",
                ["Reminders:Delivery:ShutdownGraceSeconds"] = "-1",
            });
            var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
            Assert.Contains("Reminders:Delivery:Concurrency must be greater than 0 (it is 0).", error.Failures);
            Assert.Contains("Reminders:Delivery:ShutdownGraceSeconds must not be negative.", error.Failures);
            Assert.Equal(2, error.Failures.Count());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}

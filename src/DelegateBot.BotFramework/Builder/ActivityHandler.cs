using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Builder;

/// <summary>Dispatches each activity type to an overridable handler (SDK: ActivityHandler).</summary>
public class ActivityHandler : IBot
{
    /// <summary>TurnState key where the invoke response of a turn is kept for the adapter.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => InvokeAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    private async Task InvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (response != null) turnContext.TurnState[InvokeResponseKey] = response;
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Calls <see cref="OnMembersAddedAsync"/> only when someone other than the bot joined, as the SDK does.</summary>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded is { Count: > 0 } added && added.Any(m => m.Id != botId))
            await OnMembersAddedAsync(added.Where(m => m.Id != botId).ToList(), turnContext, cancellationToken).ConfigureAwait(false);
        if (activity.MembersRemoved is { Count: > 0 } removed && removed.Any(m => m.Id != botId))
            await OnMembersRemovedAsync(removed.Where(m => m.Id != botId).ToList(), turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The members that joined, the bot itself left out.</summary>
    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Action?.ToLowerInvariant() switch
        {
            "add" or "add-upgrade" => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            "remove" or "remove-upgrade" => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns the invoke's HTTP response; null makes the adapter answer 501 (not implemented).</summary>
    protected virtual Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult<InvokeResponse?>(null);

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class ActivityExtensions
{
    /// <summary>
    /// Removes the bot's own @mention (Teams: "&lt;at&gt;Bot&lt;/at&gt;") from the text so the question reads cleanly
    /// (SDK: Activity.RemoveRecipientMention). Returns the new text.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        if (activity.Text is null || botId is null || activity.Entities is null) return activity.Text;
        foreach (var entity in activity.Entities.Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)))
        {
            if (entity.Properties is null) continue;
            if (!entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object) continue;
            if (!mentioned.TryGetProperty("id", out var id) || id.GetString() != botId) continue;
            if (entity.Properties.TryGetValue("text", out var text) && text.GetString() is { Length: > 0 } mentionText)
                activity.Text = activity.Text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
        }
        activity.Text = activity.Text.Trim();
        return activity.Text;
    }
}

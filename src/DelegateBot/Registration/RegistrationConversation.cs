using System.Text;
using System.Text.Json;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.Core.Recognizers;
using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using DelegateBot.Dialogs;
using CoreChoice = DelegateBot.Core.Recognizers.Choice;

namespace DelegateBot.Registration;

/// <summary>
/// Registration in the bot's message flow: continues a registration in progress (restarting politely when the
/// form changed since it began), and starts on "I want to register" or a Register card button; answers
/// "am I registered?", cancels one's own registration, and lists registrations for organisers.
/// </summary>
public sealed class RegistrationConversation(
    ConversationState conversationState,
    RegistrationDefinitionSource source,
    IServiceProvider services,
    RegistrationMeetings meetings,
    RegistrationStore store,
    OrganiserDirectory organisers,
    ILogger<RegistrationConversation> logger) : IConversationFeature
{
    /// <summary>The conversation state property holding the registration dialog stack.</summary>
    public const string StateProperty = "registrationDialogState";

    /// <summary>Card buttons send {"action": "register", "meetingId": "..."} as the message value.</summary>
    public const string RegisterAction = "register";

    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(StateProperty);

    // Built on first use: the dialog needs a valid definition, which a broken file does not give.
    private RegistrationRootDialog? _root;

    public static RegistrantIdentity Identity(ITurnContext context, string? email = null)
    {
        var from = context.Activity.From;
        return new RegistrantIdentity(context.Activity.ChannelId ?? "unknown", from?.Id ?? "unknown", from?.AadObjectId, email);
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var definition = source.Definition;
        if (await IsActiveAsync(turnContext, cancellationToken))
        {
            if (definition is null)
            {
                // The form broke between deploys: say so once and let the person go on asking questions.
                await _dialogState.DeleteAsync(turnContext, cancellationToken);
                await turnContext.SendActivityAsync(Unavailable(RecognizerCulture.From(turnContext.Activity.Locale).Language), cancellationToken);
                return true;
            }
            await Root(definition).RunAsync(turnContext, _dialogState, (tc, reset, ct) => OnStackResetAsync(tc, reset, definition, ct), cancellationToken);
            return true;
        }

        var (kind, hint, language) = ReadRequest(turnContext);
        if (kind == RegistrationIntentKind.None) return false;
        var locale = LocaleFor(turnContext, language);
        if (definition is null)
        {
            await turnContext.SendActivityAsync(Unavailable(language), cancellationToken);
            return true;
        }
        switch (kind)
        {
            case RegistrationIntentKind.Register:
                await StartRegistrationAsync(turnContext, definition, hint, locale, cancellationToken);
                break;
            case RegistrationIntentKind.Status:
                await SendStatusAsync(turnContext, definition, locale, cancellationToken);
                break;
            case RegistrationIntentKind.Cancel:
                await BeginAsync(turnContext, definition, new RegistrationAction(RegistrationAction.Cancel, MatchMeeting(hint, meetings.All)?.Id, locale), cancellationToken);
                break;
            case RegistrationIntentKind.List:
                await SendListAsync(turnContext, definition, hint, locale, cancellationToken);
                break;
        }
        return true;
    }

    // Not from the definition: there is none when this is said.
    private static string Unavailable(RecognizerLanguage language) => language == RecognizerLanguage.French
        ? "L'inscription n'est pas disponible pour le moment ; les organisateurs en ont été informés."
        : "Registration is not available at the moment; the organisers have been told.";

    private async Task StartRegistrationAsync(ITurnContext turnContext, RegistrationDefinition definition, string? hint, string locale, CancellationToken cancellationToken)
    {
        // "register for the seminar": the named meeting, or why it is closed.
        if (MatchMeeting(hint, meetings.All) is { } named)
        {
            var availability = meetings.Availability(named);
            if (!availability.IsOpen)
            {
                await turnContext.SendActivityAsync(meetings.ClosedMessage(definition, named, availability, locale), cancellationToken);
                return;
            }
            await BeginAsync(turnContext, definition, new RegistrationAction(RegistrationAction.Register, named.Id, locale), cancellationToken);
            return;
        }
        if (meetings.Open().Count == 0)
        {
            await turnContext.SendActivityAsync(meetings.NothingOpenMessage(definition, locale), cancellationToken);
            return;
        }
        await BeginAsync(turnContext, definition, new RegistrationAction(RegistrationAction.Register, null, locale), cancellationToken);
    }

    private async Task BeginAsync(ITurnContext turnContext, RegistrationDefinition definition, RegistrationAction action, CancellationToken cancellationToken)
    {
        var root = Root(definition);
        var dc = await new DialogSet(_dialogState).Add(root).CreateContextAsync(turnContext, cancellationToken);
        await dc.BeginDialogAsync(root.Id, action, cancellationToken);
    }

    private async Task SendStatusAsync(ITurnContext turnContext, RegistrationDefinition definition, string locale, CancellationToken cancellationToken)
    {
        var registrations = await store.FindForPersonAsync(Identity(turnContext), cancellationToken);
        await turnContext.SendActivityAsync(meetings.StatusMessage(definition, registrations, locale), cancellationToken);
    }

    /// <summary>Organisers get counts and the latest names per meeting, and where to export the full list.</summary>
    private async Task SendListAsync(ITurnContext turnContext, RegistrationDefinition definition, string? hint, string locale, CancellationToken cancellationToken)
    {
        if (!organisers.IsOrganiser(turnContext.Activity.From))
        {
            logger.LogInformation("Refused to list registrations to {User} of {Channel}: not an organiser", turnContext.Activity.From?.Id, turnContext.Activity.ChannelId);
            await turnContext.SendActivityAsync(definition.Message("organisersOnly").For(locale), cancellationToken);
            return;
        }
        var french = locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var only = MatchMeeting(hint, meetings.All);
        var all = await store.ListAsync(only?.Id, cancellationToken: cancellationToken);
        var sb = new StringBuilder();
        foreach (var group in all.GroupBy(r => r.MeetingId))
        {
            sb.Append(meetings.Find(group.Key)?.Title ?? group.Key).Append(": ").Append(group.Count()).AppendLine(french ? " inscription(s)" : " registration(s)");
            foreach (var r in group.OrderByDescending(r => r.UpdatedAt).Take(20))
                sb.Append("- ").Append(r.ConfirmationNumber).Append(' ').Append(r.FullName).Append(r.Email is null ? "" : $" <{r.Email}>").AppendLine();
            sb.AppendLine();
        }
        if (all.Count == 0) sb.AppendLine(french ? "Aucune inscription pour le moment." : "No registrations yet.");
        sb.Append(french
            ? "Export CSV complet : GET /admin/registrations.csv?meeting=ID (clé d'API), ou « registrations export --meeting ID --out fichier.csv »."
            : "Full CSV export: GET /admin/registrations.csv?meeting=ID (API key), or \"registrations export --meeting ID --out file.csv\".");
        await turnContext.SendActivityAsync(sb.ToString().Trim(), cancellationToken);
    }

    private static async Task OnStackResetAsync(ITurnContext turnContext, DialogStackReset reset, RegistrationDefinition definition, CancellationToken cancellationToken)
    {
        var locale = turnContext.Activity.Locale ?? "en-US";
        await turnContext.SendActivityAsync(definition.Message("definitionChanged").For(locale), cancellationToken);
    }

    private async Task<bool> IsActiveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return (await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken)).DialogStack.Count > 0;
        }
        catch (JsonException)
        {
            return true; // unreadable: RunAsync resets it politely
        }
    }

    /// <summary>The request of a message: a card button's value, or words recognised in the text.</summary>
    private static (RegistrationIntentKind Kind, string? Hint, RecognizerLanguage Language) ReadRequest(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && action.GetString() == RegisterAction)
        {
            var meetingId = value.TryGetProperty("meetingId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var language = RecognizerCulture.From(activity.Locale).Language;
            return (RegistrationIntentKind.Register, meetingId, language);
        }
        var intent = RegistrationIntents.Recognize(PromptInput.TextOf(activity));
        return (intent.Kind, intent.Rest, intent.Language);
    }

    /// <summary>The language of the words when they are French; else the channel's locale unless that is French (the person wrote English).</summary>
    private static string LocaleFor(ITurnContext turnContext, RecognizerLanguage language)
    {
        var locale = turnContext.Activity.Locale;
        var frenchLocale = locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;
        if (language == RecognizerLanguage.French) return frenchLocale ? locale! : "fr-FR";
        return frenchLocale || string.IsNullOrWhiteSpace(locale) ? "en-US" : locale;
    }

    /// <summary>The one meeting the words name (by id, title or partial title), or null.</summary>
    private static RegistrationMeeting? MatchMeeting(string? hint, IReadOnlyList<RegistrationMeeting> candidates)
    {
        if (string.IsNullOrWhiteSpace(hint) || candidates.Count == 0) return null;
        var exact = candidates.FirstOrDefault(m => string.Equals(m.Id, hint.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var result = ChoiceRecognizer.Recognize(hint, candidates.Select(m => new CoreChoice(m.Title) { Synonyms = [m.Id] }).ToList());
        return result.Match is { } match ? candidates[match.Index] : null;
    }

    private RegistrationRootDialog Root(RegistrationDefinition definition)
        => _root ??= new RegistrationRootDialog(
            new RegistrationDialog(definition, services.GetRequiredService<PromptRecognizers>(), meetings, store,
                services.GetRequiredService<Core.Knowledge.IAnswerService>(), services.GetRequiredService<TimeProvider>()),
            store, meetings, services.GetRequiredService<PromptRecognizers>());
}

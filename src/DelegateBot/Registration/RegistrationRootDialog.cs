using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using DelegateBot.Dialogs;

namespace DelegateBot.Registration;

/// <summary>What the root dialog is asked to do.</summary>
public sealed record RegistrationAction(string Kind, string? MeetingId = null, string? Locale = null)
{
    public const string Register = "register";
    public const string Cancel = "cancel";
}

/// <summary>
/// The root of the registration conversation: the registration flow, and the short "cancel my registration"
/// exchange (which registration, then yes or no). Its own version does not include the flow's definition:
/// the flow checks that itself, so a changed file restarts registrations but not a cancellation in progress.
/// </summary>
public sealed class RegistrationRootDialog : ComponentDialog
{
    public const string DialogId = "registration-root";
    private const string CancelFlowId = "cancel-registration";
    private const string WhichPromptId = "cancel-which";
    private const string ConfirmPromptId = "cancel-confirm";

    private readonly RegistrationDefinition _definition;
    private readonly RegistrationStore _store;
    private readonly RegistrationMeetings _meetings;

    public RegistrationRootDialog(RegistrationDialog registration, RegistrationStore store, RegistrationMeetings meetings, PromptRecognizers recognizers)
        : base(DialogId)
    {
        _definition = registration.Definition;
        _store = store;
        _meetings = meetings;
        AddDialog(registration);
        AddDialog(new WaterfallDialog(CancelFlowId, [ChooseRegistrationAsync, ConfirmCancelAsync, CancelAsync]));
        AddDialog(new ChoicePrompt(WhichPromptId, recognizers.Choice));
        AddDialog(new ConfirmPrompt(ConfirmPromptId, recognizers.Confirm));
    }

    public override string GetVersion() => $"{Id}:1";

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var action = options as RegistrationAction ?? new RegistrationAction(RegistrationAction.Register);
        return action.Kind == RegistrationAction.Cancel
            ? innerDc.BeginDialogAsync(CancelFlowId, action, cancellationToken)
            : innerDc.BeginDialogAsync(RegistrationDialog.DialogId, new RegistrationStart(action.MeetingId, action.Locale), cancellationToken);
    }

    private async Task<DialogTurnResult> ChooseRegistrationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var action = step.GetOptions<RegistrationAction>()!;
        var locale = action.Locale ?? "en-US";
        var who = RegistrationConversation.Identity(step.Context);
        var registrations = (await _store.FindForPersonAsync(who, cancellationToken))
            .Where(r => action.MeetingId is null || r.MeetingId == action.MeetingId)
            .ToList();
        step.Values["ids"] = DialogJson.ToNode(registrations.Select(r => r.MeetingId).ToList());
        if (registrations.Count == 0)
        {
            await step.Context.SendActivityAsync(_definition.Message("notRegistered").For(locale), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        if (registrations.Count == 1) return await step.NextAsync(new FoundChoice { Index = 0, Value = registrations[0].MeetingId }, cancellationToken);
        return await step.PromptAsync(WhichPromptId, new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity(_definition.Message("whichRegistration").For(locale)),
            Choices = registrations.Select(r => new Choice(TitleOf(r.MeetingId)) { Synonyms = [r.ConfirmationNumber, r.MeetingId] }).ToList(),
            Locale = locale,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmCancelAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var locale = step.GetOptions<RegistrationAction>()!.Locale ?? "en-US";
        var ids = step.Values.Get<List<string>>("ids")!;
        var meetingId = ids[((FoundChoice)step.Result!).Index];
        step.Values["meetingId"] = meetingId;
        var registration = await _store.FindAsync(meetingId, RegistrationConversation.Identity(step.Context), cancellationToken);
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity(_definition.Message("confirmCancelRegistration").Format(locale, Values(meetingId, locale, registration?.ConfirmationNumber))),
            Locale = locale,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CancelAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var locale = step.GetOptions<RegistrationAction>()!.Locale ?? "en-US";
        var meetingId = step.Values["meetingId"]!.GetValue<string>();
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(_definition.Message("registrationKept").For(locale), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var cancelled = await _store.CancelAsync(meetingId, RegistrationConversation.Identity(step.Context), cancellationToken);
        var text = cancelled is null
            ? _definition.Message("notRegistered").For(locale)
            : _definition.Message("registrationCancelled").Format(locale, Values(meetingId, locale, cancelled.ConfirmationNumber));
        await step.Context.SendActivityAsync(text, cancellationToken);
        return await step.EndDialogAsync(cancelled, cancellationToken);
    }

    private Dictionary<string, string?> Values(string meetingId, string locale, string? number)
        => _meetings.Find(meetingId) is { } meeting
            ? RegistrationMeetings.Placeholders(meeting, locale, number)
            : new Dictionary<string, string?> { ["meeting"] = meetingId, ["number"] = number };

    private string TitleOf(string meetingId) => _meetings.Find(meetingId)?.Title ?? meetingId;
}

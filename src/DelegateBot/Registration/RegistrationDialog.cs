using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using DelegateBot.Dialogs;

namespace DelegateBot.Registration;

/// <summary>How a registration begins: for which meeting (null: offer the open ones) and in which language.</summary>
public sealed record RegistrationStart(string? MeetingId = null, string? Locale = null);

/// <summary>
/// The interpreter of dialogs/registration.yaml: asks its steps in order with the SDK-shaped prompts,
/// shows a summary to confirm or edit one field, saves the registration and gives a confirmation number.
/// "cancel", "help", "back" and "start over" work at any step; a question asked mid-flow is answered from
/// the documents and the same step is asked again; after repeated invalid answers it offers help.
/// Everything it remembers between turns is in its instance state (see <see cref="RegistrationForm"/>),
/// and its version carries the definition's hash, so a changed file restarts conversations begun under the old one.
/// </summary>
public sealed class RegistrationDialog : ComponentDialog
{
    public const string DialogId = "registration";
    private const string MeetingPromptId = "meeting";
    private const string SummaryPromptId = "summary";
    private const string FieldPromptId = "field";

    private readonly RegistrationDefinition _definition;
    private readonly RegistrationMeetings _meetings;
    private readonly RegistrationStore _store;
    private readonly IAnswerService _answers;
    private readonly TimeProvider _time;

    public RegistrationDialog(RegistrationDefinition definition, PromptRecognizers recognizers, RegistrationMeetings meetings, RegistrationStore store, IAnswerService answers, TimeProvider time)
        : base(DialogId)
    {
        _definition = definition;
        _meetings = meetings;
        _store = store;
        _answers = answers;
        _time = time;
        AddDialog(new TextPrompt(StepRendering.PromptId(StepType.Text), ValidateAsync));
        AddDialog(new EmailPrompt(StepRendering.PromptId(StepType.Email), recognizers.Email, ValidateAsync));
        AddDialog(new PhoneNumberPrompt(StepRendering.PromptId(StepType.Phone), recognizers.Phone, ValidateAsync));
        AddDialog(new ChoicePrompt(StepRendering.PromptId(StepType.Choice), recognizers.Choice, ValidateAsync));
        AddDialog(new ChoicePrompt(StepRendering.ChoiceOrOtherPromptId, recognizers.ChoiceOrOther, ValidateAsync));
        AddDialog(new MultiChoicePrompt(StepRendering.PromptId(StepType.MultiChoice), recognizers.Choices, ValidateAsync));
        AddDialog(new ConfirmPrompt(StepRendering.PromptId(StepType.Confirm), recognizers.Confirm, ValidateAsync));
        AddDialog(new DateTimePrompt(StepRendering.PromptId(StepType.Date), recognizers.Date, ValidateAsync));
        AddDialog(new NumberPrompt<decimal>(StepRendering.PromptId(StepType.Number), recognizers.Number, ValidateAsync));
        AddDialog(new ChoicePrompt(MeetingPromptId, recognizers.Choice));
        AddDialog(new ChoicePrompt(FieldPromptId, recognizers.Choice));
        AddDialog(new TextPrompt(SummaryPromptId, ValidateSummaryAsync));
        InitialDialogId = null;
    }

    public RegistrationDefinition Definition => _definition;

    /// <summary>Changes with the definition file's content: a conversation begun under another file is restarted.</summary>
    public override string GetVersion() => $"{base.GetVersion()}:{_definition.Hash}";

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var start = options as RegistrationStart ?? DialogJson.FromNode<RegistrationStart>(DialogJson.ToNode(options)) ?? new RegistrationStart();
        var form = RegistrationForm.Of(innerDc);
        form.Locale = start.Locale ?? innerDc.Context.Activity.Locale ?? "en-US";
        if (start.MeetingId is { } id && _meetings.Find(id) is { } chosen) return await StartMeetingAsync(innerDc, form, chosen, cancellationToken);

        var open = _meetings.Open();
        if (open.Count == 1) return await StartMeetingAsync(innerDc, form, open[0], cancellationToken);
        if (open.Count == 0)
        {
            await innerDc.Context.SendActivityAsync(_meetings.NothingOpenMessage(_definition, form.Locale), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }
        form.Mode = "meeting";
        form.MeetingChoices = open.Select(m => m.Id).ToList();
        return await innerDc.PromptAsync(MeetingPromptId, new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity(_definition.Message("whichMeeting").For(form.Locale)),
            // The dates are shown, not matched: "7" is not the seminar of 7 March.
            Choices = open.Select(m => new Choice(m.Title) { Synonyms = [m.Id], Action = CardAction.ImBack($"{m.Title} ({m.DatesText})", m.Title) }).ToList(),
            Locale = form.Locale,
        }, cancellationToken);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (context.Activity.Type != ActivityTypes.Message) return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        var form = RegistrationForm.Of(innerDc);
        var text = PromptInput.TextOf(context.Activity);
        if (form.MeetingId is { } meetingId && _meetings.Find(meetingId) is null)
        {
            // The organisers withdrew the meeting while this person was registering.
            await context.SendActivityAsync(_meetings.NothingOpenMessage(_definition, form.Locale), cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        switch (FlowCommands.Recognize(text))
        {
            case FlowCommand.Cancel:
                var meeting = form.MeetingId is null ? null : _meetings.Find(form.MeetingId);
                var cancelled = form.ExistingNumber is not null && meeting is not null
                    ? _definition.Message("cancelledKeepsExisting").Format(form.Locale, RegistrationMeetings.Placeholders(meeting, form.Locale, form.ExistingNumber))
                    : _definition.Message("cancelled").For(form.Locale);
                await context.SendActivityAsync(cancelled, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case FlowCommand.Help:
                await context.SendActivityAsync(HelpText(form), cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            case FlowCommand.Back:
                return await BackAsync(innerDc, form, cancellationToken);
            case FlowCommand.StartOver:
                if (form.Mode == "meeting")
                {
                    // Nothing answered yet: the first question again.
                    await context.SendActivityAsync(_definition.Message("restarted").For(form.Locale), cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                }
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                form.ClearAnswers();
                form.Editing = false;
                await context.SendActivityAsync(_definition.Message("restarted").For(form.Locale), cancellationToken);
                return await AskAsync(innerDc, form, _definition.Steps[0], cancellationToken);
        }

        if (form.Mode == "step" && CurrentStep(form) is { } step && _definition.SkipWords.Contains(text.Trim().ToLowerInvariant()))
        {
            if (!step.Optional)
            {
                await context.SendActivityAsync(_definition.Message("required").For(form.Locale), cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            }
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            form.SetAnswer(step.Id, new RegistrationAnswer(string.Empty));
            return await NextAsync(innerDc, form, step, cancellationToken);
        }

        if (FlowCommands.IsQuestion(text))
        {
            // A question mid-flow, at any step: "am I registered?" from the registrations, anything else from the
            // documents; then the same question again.
            if (RegistrationIntents.Recognize(text).Kind == RegistrationIntentKind.Status)
            {
                var registrations = await _store.FindForPersonAsync(RegistrationConversation.Identity(context), cancellationToken);
                await context.SendActivityAsync(_meetings.StatusMessage(_definition, registrations, form.Locale), cancellationToken);
            }
            else
            {
                var answer = await _answers.AskAsync(new AskRequest(text), cancellationToken);
                await context.SendActivityAsync(AnswerCard.BuildReply(answer, context.Activity.ChannelId), cancellationToken);
            }
            await context.SendActivityAsync(_definition.Message("resume").For(form.Locale), cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }

        var attemptsBefore = AttemptCount(innerDc);
        var result = await innerDc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Complete) return await OnAnsweredAsync(innerDc, form, result.Result, text, cancellationToken);
        var attempts = AttemptCount(innerDc);
        if (result.Status == DialogTurnStatus.Waiting && attempts > attemptsBefore && attempts >= _definition.MaxAttempts)
        {
            var trouble = Activity.CreateMessageActivity(_definition.Message("trouble").Format(form.Locale, new Dictionary<string, string?> { ["attempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            var french = form.Locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
            trouble.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(french ? "aide" : "help"), CardAction.ImBack(french ? "annuler" : "cancel")] };
            await context.SendActivityAsync(trouble, cancellationToken);
        }
        return result;
    }

    private async Task<DialogTurnResult> OnAnsweredAsync(DialogContext innerDc, RegistrationForm form, object? result, string text, CancellationToken cancellationToken)
    {
        switch (form.Mode)
        {
            case "meeting":
                var index = (result as FoundChoice)?.Index ?? -1;
                var meetingId = index >= 0 && index < form.MeetingChoices.Count ? form.MeetingChoices[index] : null;
                if (meetingId is null || _meetings.Find(meetingId) is not { } meeting) return new DialogTurnResult(DialogTurnStatus.Complete);
                var availability = _meetings.Availability(meeting);
                if (!availability.IsOpen)
                {
                    await innerDc.Context.SendActivityAsync(_meetings.ClosedMessage(_definition, meeting, availability, form.Locale), cancellationToken);
                    return new DialogTurnResult(DialogTurnStatus.Complete);
                }
                return await StartMeetingAsync(innerDc, form, meeting, cancellationToken);
            case "summary":
                var reply = FlowCommands.ReadSummaryReply(text, Fields(form.Locale));
                return reply switch
                {
                    { Action: SummaryAction.Confirm } => await SaveAsync(innerDc, form, cancellationToken),
                    { Action: SummaryAction.Change, StepId: { } stepId } => await EditAsync(innerDc, form, _definition.FindStep(stepId)!, cancellationToken),
                    _ => await AskWhichFieldAsync(innerDc, form, cancellationToken),
                };
            case "field":
                var fieldIndex = (result as FoundChoice)?.Index ?? -1;
                var editable = EditableSteps(form);
                return fieldIndex >= 0 && fieldIndex < editable.Count
                    ? await EditAsync(innerDc, form, editable[fieldIndex], cancellationToken)
                    : await ShowSummaryAsync(innerDc, form, cancellationToken);
            default:
                var step = CurrentStep(form)!;
                form.SetAnswer(step.Id, StepRendering.ToAnswer(step, Meeting(form), form.Locale, result));
                return await NextAsync(innerDc, form, step, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> StartMeetingAsync(DialogContext innerDc, RegistrationForm form, RegistrationMeeting meeting, CancellationToken cancellationToken)
    {
        form.MeetingId = meeting.Id;
        var existing = await _store.FindAsync(meeting.Id, RegistrationConversation.Identity(innerDc.Context), cancellationToken);
        if (existing is not null)
        {
            // Registering again updates: start from what they gave last time.
            form.ExistingNumber = existing.ConfirmationNumber;
            form.SetAnswers(existing.Answers);
            await innerDc.Context.SendActivityAsync(_definition.Message("alreadyRegistered").Format(form.Locale, RegistrationMeetings.Placeholders(meeting, form.Locale, existing.ConfirmationNumber)), cancellationToken);
            return await ShowSummaryAsync(innerDc, form, cancellationToken);
        }
        var values = RegistrationMeetings.Placeholders(meeting, form.Locale);
        values["count"] = _definition.Steps.Count(s => HasChoices(s, meeting)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await innerDc.Context.SendActivityAsync(_definition.Message("intro").Format(form.Locale, values), cancellationToken);
        return await AskAsync(innerDc, form, _definition.Steps[0], cancellationToken);
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext innerDc, RegistrationForm form, StepDefinition step, CancellationToken cancellationToken)
    {
        var meeting = Meeting(form);
        if (!HasChoices(step, meeting))
        {
            // The meeting offers nothing to choose from (no interpretation): nothing to ask.
            form.SetAnswer(step.Id, new RegistrationAnswer(string.Empty));
            return await NextAsync(innerDc, form, step, cancellationToken);
        }
        form.Mode = "step";
        form.StepId = step.Id;
        var options = StepRendering.PromptOptionsFor(step, _definition, meeting, form, RegistrationMeetings.Placeholders(meeting, form.Locale));
        return await innerDc.PromptAsync(StepRendering.PromptId(step), options, cancellationToken);
    }

    private async Task<DialogTurnResult> NextAsync(DialogContext innerDc, RegistrationForm form, StepDefinition answered, CancellationToken cancellationToken)
    {
        if (form.Editing) return await ShowSummaryAsync(innerDc, form, cancellationToken);
        var index = IndexOf(answered);
        return index + 1 < _definition.Steps.Count
            ? await AskAsync(innerDc, form, _definition.Steps[index + 1], cancellationToken)
            : await ShowSummaryAsync(innerDc, form, cancellationToken);
    }

    private async Task<DialogTurnResult> BackAsync(DialogContext innerDc, RegistrationForm form, CancellationToken cancellationToken)
    {
        var meeting = form.MeetingId is null ? null : Meeting(form);
        StepDefinition? previous = null;
        if (form.Mode == "summary")
            previous = _definition.Steps.LastOrDefault(s => meeting is null || HasChoices(s, meeting));
        else if (form.Mode == "step" && !form.Editing && CurrentStep(form) is { } current)
            previous = _definition.Steps.Take(IndexOf(current)).LastOrDefault(s => HasChoices(s, meeting!));

        if (form.Mode is "field" || (form.Mode == "step" && form.Editing))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await ShowSummaryAsync(innerDc, form, cancellationToken);
        }
        if (previous is null)
        {
            await innerDc.Context.SendActivityAsync(_definition.Message("backAtStart").For(form.Locale), cancellationToken);
            await innerDc.RepromptDialogAsync(cancellationToken);
            return EndOfTurn;
        }
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        form.Editing = false;
        await innerDc.Context.SendActivityAsync(_definition.Message("back").For(form.Locale), cancellationToken);
        return await AskAsync(innerDc, form, previous, cancellationToken);
    }

    private async Task<DialogTurnResult> EditAsync(DialogContext innerDc, RegistrationForm form, StepDefinition step, CancellationToken cancellationToken)
    {
        form.Editing = true;
        return await AskAsync(innerDc, form, step, cancellationToken);
    }

    private async Task<DialogTurnResult> ShowSummaryAsync(DialogContext innerDc, RegistrationForm form, CancellationToken cancellationToken)
    {
        form.Mode = "summary";
        form.Editing = false;
        var meeting = Meeting(form);
        var locale = form.Locale;
        var facts = _definition.Steps
            .Where(s => HasChoices(s, meeting))
            .Select(s => (s.Label.For(locale), StepRendering.Display(s, form.Answer(s.Id) ?? new RegistrationAnswer(string.Empty), meeting, _definition, locale)))
            .ToList();
        var heading = _definition.Message("summary").Format(locale, RegistrationMeetings.Placeholders(meeting, locale));
        var prompt = _definition.Message("summaryPrompt").For(locale);
        var confirm = _definition.Message("confirm").For(locale);
        var change = _definition.Message("change").For(locale);
        var retry = Activity.CreateMessageActivity(prompt);
        retry.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(confirm), CardAction.ImBack(change)] };
        return await innerDc.PromptAsync(SummaryPromptId, new PromptOptions
        {
            Prompt = SummaryCard.Build(heading, facts, prompt, confirm, change, innerDc.Context.Activity.ChannelId),
            RetryPrompt = retry,
            Locale = locale,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskWhichFieldAsync(DialogContext innerDc, RegistrationForm form, CancellationToken cancellationToken)
    {
        form.Mode = "field";
        return await innerDc.PromptAsync(FieldPromptId, new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity(_definition.Message("whichField").For(form.Locale)),
            Choices = EditableSteps(form).Select(s => new Choice(s.Label.For(form.Locale)) { Synonyms = [s.Id, s.Label.En, s.Label.Fr ?? s.Label.En] }).ToList(),
            Locale = form.Locale,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveAsync(DialogContext innerDc, RegistrationForm form, CancellationToken cancellationToken)
    {
        var meeting = Meeting(form);
        var locale = form.Locale;
        var availability = _meetings.Availability(meeting);
        if (!availability.IsOpen)
        {
            // The deadline passed while they were filling in the form.
            await innerDc.Context.SendActivityAsync(_meetings.ClosedMessage(_definition, meeting, availability, locale), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }
        var answers = _definition.Steps.ToDictionary(s => s.Id, s => form.Answer(s.Id) ?? new RegistrationAnswer(string.Empty));
        var email = _definition.Steps.FirstOrDefault(s => s.Type == StepType.Email) is { } emailStep ? answers[emailStep.Id].Value : null;
        var nameStep = _definition.FindStep("fullName") ?? _definition.Steps.FirstOrDefault(s => s.Type == StepType.Text);
        var fullName = nameStep is null ? string.Empty : answers[nameStep.Id].Value;
        var saved = await _store.SaveAsync(new RegistrationRequest(meeting.Id, RegistrationConversation.Identity(innerDc.Context, email), fullName, answers, locale), cancellationToken);
        var values = RegistrationMeetings.Placeholders(meeting, locale, saved.Registration.ConfirmationNumber);
        var done = _definition.Message(saved.Updated ? "updated" : "confirmed").Format(locale, values);
        await innerDc.Context.SendActivityAsync($"{done}\n\n{_definition.Message("nextSteps").Format(locale, values)}", cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete, saved.Registration);
    }

    /// <summary>Checks a step's rules on a recognised answer; a broken rule becomes the error the prompt says before asking again.</summary>
    private Task<bool> ValidateAsync<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken)
    {
        var stepId = prompt.Options.Validations?[StepRendering.StepKey]?.GetValue<string>();
        var step = stepId is null ? null : _definition.FindStep(stepId);
        var recognized = prompt.Recognized;
        var locale = prompt.Options.Locale ?? "en-US";
        if (!recognized.Succeeded || recognized.IsAmbiguous || step is null) return Task.FromResult(false);
        var problem = Check(step, recognized.Value, locale, prompt.Options);
        if (problem is null) return Task.FromResult(true);
        recognized.Succeeded = false;
        recognized.Alternatives = [];
        recognized.Error = problem;
        return Task.FromResult(false);
    }

    private string? Check(StepDefinition step, object? value, string locale, PromptOptions options)
    {
        var rules = step.Validation;
        string? Broken(string fallbackKey) => (rules.Message ?? _definition.Message(fallbackKey)).For(locale);
        switch (value)
        {
            case string text:
                if (rules.MinLength is { } min && text.Trim().Length < min) return Broken("tooShort");
                if (rules.MaxLength is { } max && text.Length > max) return Broken("tooLong");
                if (rules.Pattern is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch(text, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                    return Broken("invalid");
                return null;
            case IReadOnlyList<FoundChoice> many:
                if (rules.MinChoices is { } least && many.Count < least) return Broken("invalid");
                if (rules.MaxChoices is { } most && many.Count > most) return Broken("invalid");
                return null;
            case decimal number:
                return number < rules.Min || number > rules.Max ? Broken("invalid") : null;
            case DateOnly date when rules.NotInPast:
                var zoneId = options.Validations?[StepRendering.TimeZoneKey]?.GetValue<string>() ?? "UTC";
                var meetingZone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
                return date < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), meetingZone).DateTime) ? Broken("notInPast") : null;
            default:
                return null;
        }
    }

    private Task<bool> ValidateSummaryAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
        => Task.FromResult(prompt.Recognized.Succeeded && FlowCommands.ReadSummaryReply(prompt.Recognized.Value, Fields(prompt.Options.Locale ?? "en-US")).Action != SummaryAction.None);

    private string HelpText(RegistrationForm form)
    {
        var locale = form.Locale;
        return form.Mode switch
        {
            "summary" => _definition.Message("summaryPrompt").For(locale),
            "meeting" or "field" => _definition.Message("helpChoice").For(locale),
            _ when CurrentStep(form) is { } step => step.Help?.For(locale)
                ?? _definition.Message("help").Format(locale, new Dictionary<string, string?> { ["field"] = step.Label.For(locale) }),
            _ => _definition.Message("summaryPrompt").For(locale),
        };
    }

    private IReadOnlyList<(string StepId, IReadOnlyList<string> Names)> Fields(string locale)
        => _definition.Steps.Select(s => (s.Id, (IReadOnlyList<string>)[s.Label.For(locale), s.Label.En, s.Label.Fr ?? s.Label.En])).ToList();

    private List<StepDefinition> EditableSteps(RegistrationForm form)
    {
        var meeting = Meeting(form);
        return _definition.Steps.Where(s => HasChoices(s, meeting)).ToList();
    }

    private static bool HasChoices(StepDefinition step, RegistrationMeeting meeting)
        => step.ChoicesSource is null || StepRendering.ChoicesOf(step, meeting, "en").Count > 0;

    private StepDefinition? CurrentStep(RegistrationForm form) => form.StepId is null ? null : _definition.FindStep(form.StepId);

    private int IndexOf(StepDefinition step) => _definition.Steps.ToList().FindIndex(s => s.Id == step.Id);

    private RegistrationMeeting Meeting(RegistrationForm form)
        => (form.MeetingId is null ? null : _meetings.Find(form.MeetingId))
           ?? throw new InvalidOperationException($"The meeting '{form.MeetingId}' of this registration is no longer on the agenda.");

    private static int AttemptCount(DialogContext innerDc)
        => innerDc.ActiveDialog?.State[Prompt<object>.PersistedState]?[Prompt<object>.AttemptCountKey]?.GetValue<int>() ?? 0;
}

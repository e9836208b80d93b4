using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks one question and returns a typed answer, re-asking until the input is understood and valid
/// (SDK: Prompt&lt;T&gt;). Persists the SDK's keys: "options" (the <see cref="PromptOptions"/>) and "state"
/// (with "attemptCount").
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator = null) : Dialog(dialogId)
{
    public const string PersistedOptions = "options";
    public const string PersistedState = "state";
    public const string AttemptCountKey = "attemptCount";
    public const string LastInputKey = "lastInput";

    /// <summary>The locale used when neither the options nor the activity name one.</summary>
    public string? DefaultLocale { get; set; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options switch
        {
            PromptOptions p => p,
            JsonNode node => DialogJson.FromNode<PromptOptions>(node)!,
            null => throw new ArgumentNullException(nameof(options), $"The prompt '{Id}' needs PromptOptions."),
            _ => throw new ArgumentException($"The prompt '{Id}' needs PromptOptions, not {options.GetType().Name}.", nameof(options)),
        };
        var instance = dc.ActiveDialog!;
        instance.State[PersistedOptions] = DialogJson.ToNode(promptOptions);
        var state = new JsonObject { [AttemptCountKey] = 0 };
        instance.State[PersistedState] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Typing indicators, reactions and the like are not answers.
        if (dc.Context.Activity.Type != ActivityTypes.Message) return EndOfTurn;
        var (state, options) = Load(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        state[AttemptCountKey] = (state[AttemptCountKey]?.GetValue<int>() ?? 0) + 1;
        state[LastInputKey] = PromptInput.TextOf(dc.Context.Activity);

        var isValid = validator is null
            ? recognized.Succeeded && !recognized.IsAmbiguous
            : await validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options), cancellationToken).ConfigureAwait(false);
        if (isValid) return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);

        // A validator that explained the problem itself has answered this turn; otherwise say what we need.
        if (!dc.Context.Responded) await OnRetryAsync(dc.Context, state, options, recognized, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>A dialog begun over this prompt ended: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var (state, options) = Load(instance);
        return OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the question (or, when <paramref name="isRetry"/>, the retry prompt).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Reads the user's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// After input that was not accepted: an ambiguity gets "Did you mean A or B?" with a button for each;
    /// a recognition error is explained, then the retry prompt is sent.
    /// </summary>
    protected virtual async Task OnRetryAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, PromptRecognizerResult<T> recognized, CancellationToken cancellationToken)
    {
        var locale = GetLocale(turnContext, options);
        if (recognized.IsAmbiguous)
        {
            var readings = new[] { recognized.Value! }.Concat(recognized.Alternatives).Select(v => FormatValue(v, locale)).Distinct().ToList();
            var culture = PromptCulture.For(locale);
            var question = string.Format(System.Globalization.CultureInfo.InvariantCulture, culture.DidYouMean, culture.JoinOr(readings));
            await turnContext.SendActivityAsync(ChoiceFactory.SuggestedAction(readings.Select(r => new Choice(r)).ToList(), question), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!string.IsNullOrWhiteSpace(recognized.Error))
            await turnContext.SendActivityAsync(recognized.Error, cancellationToken).ConfigureAwait(false);
        await OnPromptAsync(turnContext, state, options, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How a value is shown back to the user (in "Did you mean ...?").</summary>
    protected virtual string FormatValue(T value, string locale) => value?.ToString() ?? string.Empty;

    /// <summary>The options' locale, else the activity's, else <see cref="DefaultLocale"/>, else en-US.</summary>
    protected string GetLocale(ITurnContext turnContext, PromptOptions options)
        => options.Locale ?? turnContext.Activity.Locale ?? DefaultLocale ?? "en-US";

    protected PromptInput GetInput(ITurnContext turnContext, JsonObject state, PromptOptions options)
        => new(PromptInput.TextOf(turnContext.Activity), GetLocale(turnContext, options), turnContext)
        {
            PreviousText = state[LastInputKey]?.GetValue<string>(),
            Options = options,
        };

    /// <summary>Sends the prompt or retry prompt as given (a copy: sending addresses the activity).</summary>
    protected static async Task SendPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null) await turnContext.SendActivityAsync(ChoiceFactory.CloneActivity(activity), cancellationToken).ConfigureAwait(false);
    }

    private static (JsonObject State, PromptOptions Options) Load(DialogInstance instance)
    {
        var state = instance.State[PersistedState] as JsonObject ?? [];
        instance.State[PersistedState] = state;
        var options = DialogJson.FromNode<PromptOptions>(instance.State[PersistedOptions]) ?? new PromptOptions();
        return (state, options);
    }
}

/// <summary>
/// A prompt whose answer is read by an <see cref="InputRecognizer{T}"/> and asked as plain text: the base
/// of the text, number, date, email and phone prompts.
/// </summary>
public class RecognizerPrompt<T>(string dialogId, InputRecognizer<T> recognizer, PromptValidator<T>? validator = null)
    : Prompt<T>(dialogId, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendPromptAsync(turnContext, options, isRetry, cancellationToken);

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var input = GetInput(turnContext, state, options);
        return Task.FromResult(input.Text.Length == 0 ? PromptRecognizerResult<T>.Failure() : recognizer(input));
    }
}

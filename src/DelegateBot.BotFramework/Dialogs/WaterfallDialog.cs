using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>One step of a waterfall: prompt, read the previous answer, or end (SDK: WaterfallStep).</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// A fixed sequence of steps, each typically asking one question (SDK: WaterfallDialog). Persists the
/// SDK's keys: options, values, stepIndex, instanceId.
/// </summary>
public class WaterfallDialog : Dialog
{
    public const string PersistedOptions = "options";
    public const string PersistedValues = "values";
    public const string StepIndex = "stepIndex";
    public const string PersistedInstanceId = "instanceId";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId) => _steps = steps?.ToList() ?? [];

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = DialogJson.ToNode(options);
        state[PersistedValues] = new JsonObject();
        state[PersistedInstanceId] = Guid.NewGuid().ToString();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A message while no child is active: it is the result of the current step.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message) return Task.FromResult(EndOfTurn);
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = dc.ActiveDialog!.State[StepIndex]?.GetValue<int>() ?? 0;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Id, step count and step names: adding, removing or reordering steps changes it.</summary>
    public override string GetVersion() => $"{Id}:{_steps.Count}:{string.Join(',', _steps.Select(s => s.Method.Name))}";

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count) return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        var state = dc.ActiveDialog!.State;
        state[StepIndex] = index;
        var values = state[PersistedValues] as JsonObject ?? [];
        state[PersistedValues] = values;
        var stepContext = new WaterfallStepContext(this, dc, state[PersistedOptions], values, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What a waterfall step sees (SDK: WaterfallStepContext).</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, JsonNode? options, JsonObject values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack))
    {
        _parent = parent;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public int Index { get; }

    /// <summary>The options the waterfall was begun with, as persisted JSON (see <see cref="GetOptions{T}"/>).</summary>
    public JsonNode? Options { get; }

    /// <summary>Values the steps share across turns; persisted with the dialog.</summary>
    public JsonObject Values { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's answer: a prompt's value, or the user's text.</summary>
    public object? Result { get; }

    public T? GetOptions<T>() => DialogJson.FromNode<T>(Options);

    /// <summary>Skips to the next step with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled) throw new InvalidOperationException($"NextAsync was already called for step {Index} of '{_parent.Id}'.");
        _nextCalled = true;
        return _parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

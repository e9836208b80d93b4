using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.Core.Registrations;

namespace DelegateBot.Registration;

/// <summary>Where the registration flow stands, kept as JSON in the dialog's instance state ("form").</summary>
internal sealed class RegistrationForm
{
    public const string StateKey = "form";

    private readonly JsonObject _state;

    private RegistrationForm(JsonObject state) => _state = state;

    /// <summary>The form of the registration dialog that owns <paramref name="innerDc"/>.</summary>
    public static RegistrationForm Of(DialogContext innerDc) => Of(innerDc.Parent!.ActiveDialog!);

    public static RegistrationForm Of(DialogInstance instance)
    {
        if (instance.State[StateKey] is not JsonObject state)
        {
            state = new JsonObject { ["answers"] = new JsonObject() };
            instance.State[StateKey] = state;
        }
        return new RegistrationForm(state);
    }

    public string? MeetingId { get => Get("meetingId"); set => _state["meetingId"] = value; }
    public string Locale { get => Get("locale") ?? "en-US"; set => _state["locale"] = value; }

    /// <summary>What is being asked: "meeting", "step", "summary" or "field".</summary>
    public string Mode { get => Get("mode") ?? "step"; set => _state["mode"] = value; }

    public string? StepId { get => Get("stepId"); set => _state["stepId"] = value; }

    /// <summary>A field is being changed from the summary: after it, the summary comes back.</summary>
    public bool Editing { get => _state["editing"]?.GetValue<bool>() ?? false; set => _state["editing"] = value; }

    /// <summary>The confirmation number of the registration being updated, if the person had one.</summary>
    public string? ExistingNumber { get => Get("existing"); set => _state["existing"] = value; }

    /// <summary>The meetings offered by the "which meeting?" question, in order.</summary>
    public List<string> MeetingChoices
    {
        get => _state.Get<List<string>>("meetingChoices") ?? [];
        set => _state.Set("meetingChoices", value);
    }

    public Dictionary<string, RegistrationAnswer> Answers
        => _state.Get<Dictionary<string, RegistrationAnswer>>("answers") ?? [];

    public RegistrationAnswer? Answer(string stepId) => Answers.GetValueOrDefault(stepId);

    public void SetAnswer(string stepId, RegistrationAnswer answer)
    {
        var answers = Answers;
        answers[stepId] = answer;
        _state.Set("answers", answers);
    }

    public void SetAnswers(IReadOnlyDictionary<string, RegistrationAnswer> answers) => _state.Set("answers", answers);

    public void ClearAnswers() => _state["answers"] = new JsonObject();

    private string? Get(string key) => _state[key]?.GetValue<string>();
}

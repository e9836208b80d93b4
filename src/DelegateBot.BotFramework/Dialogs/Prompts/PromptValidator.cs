using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Builder;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>Decides whether a recognised value is acceptable; may send its own message (SDK: PromptValidator).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>What a validator sees (SDK: PromptValidatorContext).</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, JsonObject state, PromptOptions options)
    {
        Context = context;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's persisted state; validators may keep their own keys in it.</summary>
    public JsonObject State { get; }

    public PromptOptions Options { get; }

    /// <summary>How many answers the user has given to this prompt, this one included.</summary>
    public int AttemptCount => State[Prompt<T>.AttemptCountKey]?.GetValue<int>() ?? 0;
}

/// <summary>
/// What recognition made of the user's input (SDK: PromptRecognizerResult). <see cref="Alternatives"/>
/// holds other readings of ambiguous input; <see cref="Error"/> says, in the user's language, what was wrong.
/// </summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }
    public T? Value { get; set; }
    public IReadOnlyList<T> Alternatives { get; set; } = [];
    public string? Error { get; set; }

    public bool IsAmbiguous => Succeeded && Alternatives.Count > 0;

    public static PromptRecognizerResult<T> Success(T value, IReadOnlyList<T>? alternatives = null)
        => new() { Succeeded = true, Value = value, Alternatives = alternatives ?? [] };

    public static PromptRecognizerResult<T> Failure(string? error = null) => new() { Error = error };
}

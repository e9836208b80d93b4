using System.Globalization;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Storage;
using DelegateBot.BotFramework.Testing;

namespace DelegateBot.BotFramework.Tests.Dialogs;

/// <summary>
/// A bot that runs one root dialog over conversation state in a real IStorage, saved after every turn,
/// so each turn reads the stack back from JSON. <see cref="Redeploy"/> swaps the root dialog and the
/// state objects, as a new version of the service would.
/// </summary>
internal sealed class DialogHarness
{
    public DialogHarness(Dialog root, IStorage? storage = null, string locale = "en-US")
    {
        Storage = storage ?? new MemoryStorage();
        Adapter = new TestAdapter(locale: locale);
        Root = root;
        Redeploy(root);
        Adapter.Use(new SaveMiddleware(this));
    }

    public IStorage Storage { get; }
    public TestAdapter Adapter { get; }
    public Dialog Root { get; private set; }
    public ConversationState ConversationState { get; private set; } = null!;
    public IStatePropertyAccessor<DialogState> DialogStateAccessor { get; private set; } = null!;
    public List<DialogTurnResult> Results { get; } = [];
    public List<DialogStackReset> Resets { get; } = [];

    /// <summary>A new version of the service over the same storage: new state objects, maybe new dialogs.</summary>
    public void Redeploy(Dialog root)
    {
        Root = root;
        ConversationState = new ConversationState(Storage);
        DialogStateAccessor = ConversationState.CreateProperty<DialogState>("DialogState");
    }

    public TestFlow Flow() => new(Adapter, async (turnContext, ct) =>
    {
        var result = await Root.RunAsync(turnContext, DialogStateAccessor, async (tc, reset, c) =>
        {
            Resets.Add(reset);
            await tc.SendActivityAsync("Sorry, this conversation was updated; let's start again.", c);
        }, ct);
        Results.Add(result);
        if (result.Status == DialogTurnStatus.Complete && result.Result is string text) await turnContext.SendActivityAsync($"Done: {text}", ct);
    });

    /// <summary>The raw JSON the storage holds for the conversation.</summary>
    public async Task<string> StoredJsonAsync()
    {
        var key = $"{Adapter.Conversation.ChannelId}/conversations/{Adapter.Conversation.Conversation!.Id}";
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var value) ? StorageJson.Serialize(value) : "";
    }

    private sealed class SaveMiddleware(DialogHarness harness) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken = default)
        {
            await next(cancellationToken);
            await harness.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
    }
}

/// <summary>Plain recognisers standing in for the host's EN/FR ones: the dialogs library is tested on its own.</summary>
internal static class TestRecognizers
{
    public static PromptRecognizerResult<decimal> Number(PromptInput input)
        => decimal.TryParse(input.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? PromptRecognizerResult<decimal>.Success(n)
            : PromptRecognizerResult<decimal>.Failure($"\"{input.Text}\" is not a number.");

    public static PromptRecognizerResult<bool> YesNo(PromptInput input) => input.Text.ToLowerInvariant() switch
    {
        "yes" or "yep" or "oui" => PromptRecognizerResult<bool>.Success(true),
        "no" or "nope" or "non" => PromptRecognizerResult<bool>.Success(false),
        _ => PromptRecognizerResult<bool>.Failure(),
    };

    /// <summary>By number, by exact name, or by a word several choices share (an ambiguity).</summary>
    public static PromptRecognizerResult<FoundChoice> Choice(PromptInput input, IReadOnlyList<Choice> choices)
    {
        var found = choices.Select((c, i) => (c, i))
            .Where(x => input.Text == (x.i + 1).ToString(CultureInfo.InvariantCulture) || x.c.Value.Contains(input.Text, StringComparison.OrdinalIgnoreCase))
            .Select(x => new FoundChoice { Value = x.c.Value, Index = x.i, Score = 1 })
            .ToList();
        return found.Count == 0 ? PromptRecognizerResult<FoundChoice>.Failure() : PromptRecognizerResult<FoundChoice>.Success(found[0], found.Skip(1).ToList());
    }

    public static PromptRecognizerResult<IReadOnlyList<FoundChoice>> Choices(PromptInput input, IReadOnlyList<Choice> choices)
    {
        var picked = new List<FoundChoice>();
        foreach (var part in input.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, CultureInfo.InvariantCulture, out var n) || n < 1 || n > choices.Count)
                return PromptRecognizerResult<IReadOnlyList<FoundChoice>>.Failure($"I did not recognise \"{part}\".");
            picked.Add(new FoundChoice { Value = choices[n - 1].Value, Index = n - 1, Score = 1 });
        }
        return PromptRecognizerResult<IReadOnlyList<FoundChoice>>.Success(picked);
    }

    /// <summary>"02/03/2007" reads both ways, as a real recogniser would report it.</summary>
    public static PromptRecognizerResult<DateOnly> Date(PromptInput input)
    {
        if (DateOnly.TryParseExact(input.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return PromptRecognizerResult<DateOnly>.Success(iso);
        if (DateOnly.TryParseExact(input.Text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayFirst))
        {
            if (dayFirst.Day > 12 || dayFirst.Day == dayFirst.Month) return PromptRecognizerResult<DateOnly>.Success(dayFirst);
            return PromptRecognizerResult<DateOnly>.Success(dayFirst, [new DateOnly(dayFirst.Year, dayFirst.Day, dayFirst.Month)]);
        }
        return PromptRecognizerResult<DateOnly>.Failure();
    }
}

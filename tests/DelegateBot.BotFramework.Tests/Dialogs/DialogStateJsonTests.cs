using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Tests.Dialogs;

public class DialogStateJsonTests
{
    [Fact]
    public void A_stack_with_prompt_options_and_a_component_round_trips_unchanged()
    {
        var options = new PromptOptions
        {
            Prompt = ChoiceFactory.SuggestedAction([new Choice("English"), new Choice("French") { Synonyms = ["FR"] }], "Interpretation?"),
            Choices = [new Choice("English"), new Choice("French") { Synonyms = ["FR"], Action = CardAction.ImBack("Français", "French") }],
            Validations = new JsonObject { ["max"] = 2 },
            Locale = "fr-CH",
        };
        var inner = new DialogState([
            new DialogInstance { Id = "choice", Version = "choice", State = new JsonObject { ["options"] = DialogJson.ToNode(options), ["state"] = new JsonObject { ["attemptCount"] = 2 } } },
            new DialogInstance { Id = "steps", State = new JsonObject { ["stepIndex"] = 3, ["values"] = new JsonObject { ["email"] = "a@un.org" } } },
        ]);
        var state = new DialogState([new DialogInstance { Id = "registration", Version = "registration:ABC", State = new JsonObject { ["dialogs"] = DialogJson.ToNode(inner) } }]);

        var json = JsonSerializer.Serialize(state, BotJson.Options);
        var back = JsonSerializer.Deserialize<DialogState>(json, BotJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, BotJson.Options));

        var innerBack = DialogJson.FromNode<DialogState>(back.DialogStack[0].State["dialogs"])!;
        var optionsBack = DialogJson.FromNode<PromptOptions>(innerBack.DialogStack[0].State["options"])!;
        Assert.Equal("Français", optionsBack.Choices![1].Action!.Title);
        Assert.Equal(["FR"], optionsBack.Choices[1].Synonyms!);
        Assert.Equal("fr-CH", optionsBack.Locale);
        Assert.Equal(2, optionsBack.Validations!["max"]!.GetValue<int>());
        Assert.Equal(3, innerBack.DialogStack[1].State["stepIndex"]!.GetValue<int>());
    }

    [Fact]
    public void Storing_a_node_never_aliases_the_callers_object()
    {
        var values = new JsonObject { ["a"] = 1 };
        var state = new JsonObject();
        state.Set("copy", values);
        values["a"] = 2;
        Assert.Equal(1, state.Get<JsonObject>("copy")!["a"]!.GetValue<int>());
    }
}

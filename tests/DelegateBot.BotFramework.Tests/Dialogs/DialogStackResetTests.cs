using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;

namespace DelegateBot.BotFramework.Tests.Dialogs;

/// <summary>A redeploy must never leave a user stuck on a stack the new code cannot run (botbuilder-dotnet#5007).</summary>
public class DialogStackResetTests
{
    private static ComponentDialog Form(string id, params string[] questions)
    {
        var form = new ComponentDialog(id);
        var steps = questions.Select(q => (WaterfallStep)((step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessageActivity(q) }, ct))).ToList();
        steps.Add((step, ct) => step.EndDialogAsync($"finished {id}", ct));
        form.AddDialog(new WaterfallDialog("steps", steps));
        form.AddDialog(new TextPrompt("text"));
        return form;
    }

    [Fact]
    public async Task A_dialog_removed_by_a_redeploy_restarts_the_new_one_politely()
    {
        var harness = new DialogHarness(Form("registration-v1", "Name?", "Title?"));
        await harness.Flow()
            .Send("register").AssertReply("Name?")
            .Do(() => { harness.Redeploy(Form("registration-v2", "Full name?")); return Task.CompletedTask; })
            .Send("Amina").AssertReply("Sorry, this conversation was updated; let's start again.").AssertReply("Full name?")
            .Send("Amina Diallo").AssertReply("Done: finished registration-v2")
            .StartTestAsync();
        var reset = Assert.Single(harness.Resets);
        Assert.Equal(DialogStackResetReason.DialogMissing, reset.Reason);
        Assert.Equal("registration-v1", reset.DialogId);
        Assert.NotNull(harness.Results[1].StackReset);
        Assert.Null(harness.Results[2].StackReset);
    }

    [Fact]
    public async Task A_changed_definition_under_the_same_id_restarts()
    {
        var harness = new DialogHarness(Form("registration", "Name?", "Title?"));
        await harness.Flow()
            .Send("register").AssertReply("Name?")
            .Do(() => { harness.Redeploy(Form("registration", "Name?", "Title?", "Email?")); return Task.CompletedTask; })
            .Send("Amina").AssertReply("Sorry, this conversation was updated; let's start again.").AssertReply("Name?")
            .StartTestAsync();
        Assert.Equal(DialogStackResetReason.DialogChanged, Assert.Single(harness.Resets).Reason);
    }

    [Fact]
    public async Task An_unversioned_stack_naming_a_missing_inner_dialog_is_reset()
    {
        // A stack written before versions existed (or by hand): the inner dialog "old-prompt" is unknown.
        var storage = new MemoryStorage();
        var stack = new JsonObject
        {
            ["DialogState"] = new JsonObject
            {
                ["dialogStack"] = new JsonArray(new JsonObject
                {
                    ["id"] = "registration",
                    ["state"] = new JsonObject { ["dialogs"] = new JsonObject { ["dialogStack"] = new JsonArray(new JsonObject { ["id"] = "old-prompt", ["state"] = new JsonObject() }) } },
                }),
            },
        };
        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/conversation-1"] = stack });
        var harness = new DialogHarness(Form("registration", "Name?"), storage);
        await harness.Flow().Send("hello").AssertReply("Sorry, this conversation was updated; let's start again.").AssertReply("Name?").StartTestAsync();
        var reset = Assert.Single(harness.Resets);
        Assert.Equal("old-prompt", reset.DialogId);
    }

    [Fact]
    public async Task Unreadable_state_is_reset_rather_than_thrown()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["test/conversations/conversation-1"] = new JsonObject { ["DialogState"] = new JsonObject { ["dialogStack"] = "not a stack" } },
        });
        var harness = new DialogHarness(Form("registration", "Name?"), storage);
        await harness.Flow().Send("hello").AssertReply("Sorry, this conversation was updated; let's start again.").AssertReply("Name?").StartTestAsync();
        Assert.Equal(DialogStackResetReason.StateUnreadable, Assert.Single(harness.Resets).Reason);

        // The fresh stack was saved: the next turn continues normally.
        await harness.Flow().Send("Amina").AssertReply("Done: finished registration").StartTestAsync();
    }

    [Fact]
    public async Task Without_a_callback_the_reset_is_silent_but_the_flow_still_restarts()
    {
        var storage = new MemoryStorage();
        var first = new DialogHarness(Form("a", "A?"), storage);
        await first.Flow().Send("go").AssertReply("A?").StartTestAsync();

        var accessorOwner = new DelegateBot.BotFramework.Builder.ConversationState(storage);
        var accessor = accessorOwner.CreateProperty<DialogState>("DialogState");
        var adapter = new BotFramework.Testing.TestAdapter();
        DialogTurnResult? result = null;
        await adapter.SendTextToBotAsync("hello", async (tc, ct) =>
        {
            result = await Form("b", "B?").RunAsync(tc, accessor, ct);
            await accessorOwner.SaveChangesAsync(tc, false, ct);
        });
        Assert.Equal("B?", adapter.GetNextReply()!.Text);
        Assert.Equal(DialogStackResetReason.DialogMissing, result!.StackReset!.Reason);
    }
}

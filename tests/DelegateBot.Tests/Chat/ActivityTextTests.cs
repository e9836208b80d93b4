using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Chat;

namespace DelegateBot.Tests.Chat;

/// <summary>How the chat shows what it cannot draw: other card kinds, inputs, other attachments and actions.</summary>
public sealed class ActivityTextTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

    [Fact]
    public void A_hero_card_shows_its_title_subtitle_text_and_buttons()
    {
        var rendered = ActivityText.Render(Parse("""
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{
              "title":"Panel two","subtitle":"15:00-17:40","text":"Improving cooperation",
              "buttons":[{"type":"imBack","title":"Panelists","value":"Who are the panelists of panel two?"},
                         {"type":"openUrl","title":"Programme","value":"https://example.org/p"},
                         {"type":"messageBack","title":"Mute","text":"mute","value":{"reminders":"mute"}}]}}]}
            """));

        Assert.Equal(["Panel two", "15:00-17:40", "Improving cooperation"], rendered.Lines);
        Assert.Equal(("Panelists", "Who are the panelists of panel two?"), (rendered.Choices[0].Title, rendered.Choices[0].Text));
        Assert.Equal("https://example.org/p", rendered.Choices[1].Url);
        Assert.Equal(("mute", """{"reminders":"mute"}"""), (rendered.Choices[2].Text, rendered.Choices[2].Value?.GetRawText()));
    }

    [Fact]
    public void Inputs_columns_images_and_unknown_attachments_are_named()
    {
        var rendered = ActivityText.Render(Parse("""
            {"type":"message","text":"Two lines\nof text","attachments":[
              {"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[
                {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"Image","url":"x","altText":"UN logo"}]},
                                               {"type":"Column","items":[{"type":"TextBlock","text":"Left"}]}]},
                {"type":"Input.Text","id":"email","label":"Your email"}]}},
              {"contentType":"application/pdf","name":"A-63-269.pdf","contentUrl":"https://example.org/a.pdf"}]}
            """));

        Assert.Equal(["Two lines", "of text", "[image: UN logo]", "Left", "[Your email: answer by typing]", "[attachment: A-63-269.pdf https://example.org/a.pdf]"], rendered.Lines);
        Assert.Empty(rendered.Choices);
    }
}

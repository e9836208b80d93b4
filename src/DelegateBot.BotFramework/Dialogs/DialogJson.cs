using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>How dialogs turn options and values into the JSON they persist, and back.</summary>
public static class DialogJson
{
    /// <summary>A detached JSON copy of a value (null stays null; a node is cloned so it can be re-parented).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options),
    };

    /// <summary>Reads a persisted value back as <typeparamref name="T"/>; null or missing gives default.</summary>
    public static T? FromNode<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(BotJson.Options);

    /// <summary>Reads <paramref name="key"/> of a state object as <typeparamref name="T"/>.</summary>
    public static T? Get<T>(this JsonObject state, string key) => state.TryGetPropertyValue(key, out var node) ? FromNode<T>(node) : default;

    /// <summary>Stores a value under <paramref name="key"/> as JSON.</summary>
    public static void Set(this JsonObject state, string key, object? value) => state[key] = ToNode(value);
}

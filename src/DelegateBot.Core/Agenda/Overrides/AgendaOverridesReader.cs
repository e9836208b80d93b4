using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DelegateBot.Core.Agenda.Overrides;

/// <summary>
/// Parses agenda.yaml through YamlDotNet's node model (not a class binding) so that every value keeps its line:
/// answers cite "agenda.yaml, line 12" and errors say exactly where to look.
/// </summary>
internal static class AgendaOverridesReader
{
    internal static readonly string[] MeetingKeys =
        ["match", "id", "title", "startDate", "endDate", "venue", "room", "organiser", "language", "interpretation", "timeZone",
         "registrationContact", "registrationDeadline", "pushes", "hidden", "sessions"];
    internal static readonly string[] SessionKeys =
        ["match", "title", "date", "start", "end", "room", "chair", "description", "pushes", "hidden", "keyQuestions", "panelists"];

    public static AgendaOverrides Parse(string yaml, string fileName)
    {
        var errors = new List<string>();
        var result = new AgendaOverrides { FileName = fileName, Lines = yaml.Replace("\r\n", "\n").Split('\n') };
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new AgendaOverridesException([$"{fileName} line {e.Start.Line}, column {e.Start.Column}: not valid YAML ({e.InnerException?.Message ?? e.Message})"]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return result;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new AgendaOverridesException([$"{fileName} line {stream.Documents[0].RootNode.Start.Line}: expected keys 'meetings' and 'defaultTimeZone' at the top"]);

        foreach (var (k, v) in root.Children)
        {
            var key = ((YamlScalarNode)k).Value;
            switch (key)
            {
                case "defaultTimeZone":
                    result.DefaultTimeZone = Scalar(v, fileName, key, errors);
                    break;
                case "meetings":
                    if (v is not YamlSequenceNode meetings) { errors.Add($"{fileName} line {v.Start.Line}: 'meetings' must be a list (entries starting with '- ')"); break; }
                    var i = 0;
                    foreach (var node in meetings)
                        if (Entry(node, $"meetings[{i++}]", MeetingKeys, fileName, errors) is { } e) result.Meetings.Add(e);
                    break;
                default:
                    errors.Add($"{fileName} line {k.Start.Line}: unknown key '{key}' (expected 'meetings' or 'defaultTimeZone')");
                    break;
            }
        }
        if (errors.Count > 0) throw new AgendaOverridesException(errors);
        return result;
    }

    private static OverrideEntry? Entry(YamlNode node, string path, string[] keys, string file, List<string> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add($"{file} line {node.Start.Line}: {path} must be a set of 'key: value' lines");
            return null;
        }
        var entry = new OverrideEntry { Line = (int)node.Start.Line, Path = path };
        foreach (var (k, v) in map.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (!keys.Contains(key))
            {
                errors.Add($"{file} line {k.Start.Line}: unknown key '{key}' in {path} (known: {string.Join(", ", keys)})");
                continue;
            }
            if (key == "sessions")
            {
                if (v is not YamlSequenceNode list) { errors.Add($"{file} line {v.Start.Line}: {path}.sessions must be a list"); continue; }
                var i = 0;
                foreach (var s in list)
                    if (Entry(s, $"{path}.sessions[{i++}]", SessionKeys, file, errors) is { } e) entry.Sessions.Add(e);
                continue;
            }
            if (v is YamlSequenceNode items)
            {
                entry.Fields[key] = new YamlValue("", (int)v.Start.Line,
                    items.Select(x => x is YamlScalarNode sc ? sc.Value ?? "" : "").ToList());
                continue;
            }
            if (Scalar(v, file, $"{path}.{key}", errors) is { } value) entry.Fields[key] = value;
        }
        return entry;
    }

    private static YamlValue? Scalar(YamlNode node, string file, string path, List<string> errors)
    {
        if (node is YamlScalarNode s) return new YamlValue(s.Value ?? "", (int)s.Start.Line);
        errors.Add($"{file} line {node.Start.Line}: {path} must be a single value");
        return null;
    }
}

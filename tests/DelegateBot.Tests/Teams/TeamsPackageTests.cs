using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DelegateBot.Cli;
using DelegateBot.Teams;

namespace DelegateBot.Tests.Teams;

/// <summary>teams-package builds the Teams app package from configuration; the test reads the zip back.</summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string BotAppId = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f";
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["MicrosoftAppId"] = BotAppId,
        ["TeamsApp:Developer:Name"] = "UN DESA",
        ["TeamsApp:Developer:WebsiteUrl"] = "https://www.un.org/development/desa",
        ["TeamsApp:Developer:PrivacyUrl"] = "https://www.un.org/en/about-us/privacy-notice",
        ["TeamsApp:Developer:TermsOfUseUrl"] = "https://www.un.org/en/about-us/terms-of-use",
        ["TeamsApp:ValidDomains:0"] = "delegatebot.example.org",
    };

    private static async Task<(int Code, string Out, string Err)> Run(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new TeamsPackageCommand(settings).RunAsync(new CliContext(args, new StringReader(""), output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_package_holds_a_1_19_manifest_for_the_bot_and_icons_of_the_right_size()
    {
        var zipPath = Path.Combine(_folder, "out", "delegatebot-teams.zip");

        var (code, stdout, stderr) = await Run(ValidSettings(), "--out", zipPath);

        Assert.True(code == 0, stderr);
        Assert.Contains($"Wrote {zipPath}", stdout);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
        Assert.Equal("https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal(("1.19", "1.0.0", BotAppId), ((string?)manifest["manifestVersion"], (string?)manifest["version"], (string?)manifest["id"]));
        Assert.Equal(("DelegateBot", "UN DESA"), ((string?)manifest["name"]!["short"], (string?)manifest["developer"]!["name"]));
        Assert.Equal("https://www.un.org/en/about-us/privacy-notice", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal(("color.png", "outline.png"), ((string?)manifest["icons"]!["color"], (string?)manifest["icons"]!["outline"]));
        Assert.Equal(["delegatebot.example.org"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(BotAppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var commands = bot["commandLists"]!.AsArray().Single()!["commands"]!.AsArray();
        Assert.Equal(TeamsAppOptions.DefaultCommands.Select(c => c.Title), commands.Select(c => (string?)c!["title"]));
        Assert.All(commands, c => Assert.InRange(((string?)c!["title"])!.Length, 1, 32));

        var (colorWidth, colorHeight, color) = DecodePng(ReadBytes(zip, "color.png"));
        Assert.Equal((192, 192), (colorWidth, colorHeight));
        Assert.All(Pixels(color), p => Assert.Equal(255, p.A)); // opaque, on the accent colour
        Assert.Contains(Pixels(color), p => (p.R, p.G, p.B) == (0x00, 0x9E, 0xDB));
        var (outlineWidth, outlineHeight, outline) = DecodePng(ReadBytes(zip, "outline.png"));
        Assert.Equal((32, 32), (outlineWidth, outlineHeight));
        // Teams accepts only white on transparent for the outline icon.
        Assert.All(Pixels(outline), p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255)));
        Assert.Contains(Pixels(outline), p => p.A == 0);
        Assert.Contains(Pixels(outline), p => p.A == 255);
    }

    [Fact]
    public async Task Its_own_app_id_version_and_sample_questions_come_from_configuration()
    {
        var settings = ValidSettings();
        settings["TeamsApp:Id"] = "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a";
        settings["TeamsApp:Version"] = "1.2.3";
        settings["TeamsApp:Commands:0:Title"] = "Quand est le séminaire ?";
        settings["TeamsApp:Commands:0:Description"] = "Dates et lieux des réunions";
        var zipPath = Path.Combine(_folder, "custom.zip");

        Assert.Equal(0, (await Run(settings, $"--out={zipPath}")).Code);

        using var zip = ZipFile.OpenRead(zipPath);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
        Assert.Equal(("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a", "1.2.3"), ((string?)manifest["id"], (string?)manifest["version"]));
        Assert.Equal(BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        var command = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Single()!;
        Assert.Equal("Quand est le séminaire ?", (string?)command["title"]);
    }

    [Theory]
    [InlineData("MicrosoftAppId", null, "MicrosoftAppId is not set: the Teams app needs the Azure Bot's Microsoft App ID (a GUID).")]
    [InlineData("MicrosoftAppId", "my-bot", "MicrosoftAppId 'my-bot' is not a GUID")]
    [InlineData("TeamsApp:ShortName", "DelegateBot for the Global Forum on Migration", "TeamsApp:ShortName has 45 characters; Teams allows 30.")]
    [InlineData("TeamsApp:Developer:WebsiteUrl", "http://www.un.org", "TeamsApp:Developer:WebsiteUrl 'http://www.un.org' is not an https URL.")]
    [InlineData("TeamsApp:ValidDomains:0", "https://delegatebot.example.org/api", "is not a host name such as bot.example.org")]
    [InlineData("TeamsApp:AccentColor", "blue", "TeamsApp:AccentColor 'blue' is not a colour")]
    [InlineData("TeamsApp:Version", "1.0", "TeamsApp:Version '1.0' is not a version of the form 1.0.0.")]
    public async Task A_configuration_problem_is_named_and_nothing_is_written(string key, string? value, string message)
    {
        var settings = ValidSettings();
        settings[key] = value;
        var zipPath = Path.Combine(_folder, "bad.zip");

        var (code, _, stderr) = await Run(settings, "--out", zipPath);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void The_png_encoder_writes_chunks_a_decoder_checks()
    {
        byte[] rgba = [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255, 1, 2, 3, 4, 5, 6, 7, 8];

        var (width, height, decoded) = DecodePng(PngEncoder.Encode(3, 2, rgba));

        Assert.Equal((3, 2), (width, height));
        Assert.Equal(rgba, decoded);
    }

    /// <summary>CRC-32 (ISO-HDLC) bit by bit, independent of the encoder's table.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static string Read(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name));

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(byte[] rgba)
    {
        for (var i = 0; i < rgba.Length; i += 4) yield return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }

    /// <summary>An independent reader for what the encoder writes: checks signature, CRCs and IHDR, inflates IDAT, drops filter bytes.</summary>
    private static (int Width, int Height, byte[] Rgba) DecodePng(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var i = 8; i < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            var type = Encoding.ASCII.GetString(png, i + 4, 4);
            var data = png.AsSpan(i + 8, length);
            Assert.Equal(Crc32(png.AsSpan(i + 4, length + 4)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i + 8 + length)));
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                Assert.Equal((8, 6), (data[8], data[9])); // 8-bit RGBA
            }
            if (type == "IDAT") idat.Write(data);
            i += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal(height * (width * 4 + 1), raw.Length);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (width * 4 + 1)]); // filter "none"
            Array.Copy(raw, y * (width * 4 + 1) + 1, rgba, y * width * 4, width * 4);
        }
        return (width, height, rgba);
    }
}

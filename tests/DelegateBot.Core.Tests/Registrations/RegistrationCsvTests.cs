using System.Text;
using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;

namespace DelegateBot.Core.Tests.Registrations;

public class RegistrationCsvTests
{
    private static Registration Row(string number, Dictionary<string, RegistrationAnswer> answers) => new()
    {
        Id = number,
        ConfirmationNumber = number,
        MeetingId = "seminar",
        UserKey = "webchat:u",
        ChannelId = "webchat",
        UserId = "u",
        FullName = answers["fullName"].Value,
        Answers = answers,
        CreatedAt = new DateTimeOffset(2007, 2, 20, 9, 30, 0, TimeSpan.FromHours(-5)),
        UpdatedAt = new DateTimeOffset(2007, 2, 20, 9, 30, 0, TimeSpan.FromHours(-5)),
    };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("Diallo, Amina", "\"Diallo, Amina\"")]
    [InlineData("He said \"hi\"", "\"He said \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1 212 963 3021", "+1 212 963 3021")]
    [InlineData("Genève – Zürich", "Genève – Zürich")]
    public void Fields_are_quoted_per_rfc_4180(string? value, string expected) => Assert.Equal(expected, RegistrationCsv.Escape(value));

    [Fact]
    public void Columns_follow_the_form_then_older_answers_and_rows_end_with_crlf()
    {
        var definition = RegistrationDefinitionLoader.Parse("""
            steps:
              - { id: fullName, type: text, label: Name, prompt: Name? }
              - { id: email, type: email, label: Email, prompt: Email? }
            """, "t.yaml");
        var rows = new[]
        {
            Row("R-AAAAAA", new() { ["fullName"] = new("Amina Diallo"), ["email"] = new("a@un.org") }),
            Row("R-BBBBBB", new() { ["fullName"] = new("Jean, Dupont"), ["legacy"] = new("old \"value\"") }),
        };
        var csv = RegistrationCsv.Write(rows, definition);
        var lines = csv.Split("\r\n");
        Assert.Equal("confirmation_number,meeting_id,status,created_at,updated_at,fullName,email,legacy,channel_id,user_id,aad_object_id", lines[0]);
        Assert.Equal("R-AAAAAA,seminar,active,2007-02-20T14:30:00Z,2007-02-20T14:30:00Z,Amina Diallo,a@un.org,,webchat,u,", lines[1]);
        Assert.Equal("R-BBBBBB,seminar,active,2007-02-20T14:30:00Z,2007-02-20T14:30:00Z,\"Jean, Dupont\",,\"old \"\"value\"\"\",webchat,u,", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.EndsWith("\r\n", csv);
    }

    [Fact]
    public void Bytes_are_utf8_with_a_byte_order_mark()
    {
        var bytes = RegistrationCsv.ToBytes("é\r\n");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("é\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}

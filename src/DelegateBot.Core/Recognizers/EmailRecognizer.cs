using System.Globalization;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Recognizers;

/// <summary>Why a typed address was refused, so the re-prompt can say what to fix.</summary>
public enum EmailProblem
{
    None,
    /// <summary>No "@" at all: nothing that looks like an address.</summary>
    NotAnAddress,
    InvalidLocalPart,
    InvalidDomain,
    TooLong,
}

/// <summary>
/// The outcome of reading an email address. <see cref="Address"/> is normalised (lower case, punycode
/// domain), <see cref="Suggestion"/> proposes a fix for a common domain typo ("gmial.com").
/// </summary>
public sealed record EmailRecognition(string? Address, EmailProblem Problem, string Text)
{
    public string? Suggestion { get; init; }
    public bool Succeeded => Problem == EmailProblem.None && Address is not null;
}

/// <summary>
/// Finds and validates an email address in what a person typed ("my email is Jane.Doe@UN.org.",
/// "mailto:x@y.ch", "Jane &lt;jane@un.org&gt;"). Validation follows the practical subset of RFC 5321/5322
/// that mail systems accept (dot-atom local part, LDH domain labels, a TLD), not quoted local parts.
/// The whole address is lower-cased: providers treat it case-insensitively and registrations are
/// matched by email.
/// </summary>
public static partial class EmailRecognizer
{
    private static readonly string[] CommonDomains =
        ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "yahoo.fr", "icloud.com", "live.com", "un.org", "unitar.org", "orange.fr", "gmx.ch", "bluewin.ch", "protonmail.com"];

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    [GeneratedRegex(@"[^\s<>""(),;:]*@[^\s<>""(),;:]*", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateRegex();

    [GeneratedRegex(@"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPartRegex();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainRegex();

    public static EmailRecognition Recognize(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        var m = CandidateRegex().Match(trimmed.Replace("mailto:", " ", StringComparison.OrdinalIgnoreCase));
        if (!m.Success) return new EmailRecognition(null, EmailProblem.NotAnAddress, trimmed);
        // Sentence punctuation after the address is not part of it ("... jane@un.org.").
        var candidate = m.Value.TrimEnd('.', '!', '?', '\'', ']', '}');
        return Validate(candidate);
    }

    private static EmailRecognition Validate(string candidate)
    {
        var at = candidate.LastIndexOf('@');
        var local = candidate[..at].ToLowerInvariant();
        var domainText = candidate[(at + 1)..].ToLowerInvariant();
        if (candidate.Length > 254 || local.Length > 64) return new EmailRecognition(null, EmailProblem.TooLong, candidate);
        if (local.Length == 0 || local.Contains('@') || !LocalPartRegex().IsMatch(local))
            return new EmailRecognition(null, EmailProblem.InvalidLocalPart, candidate);
        string domain;
        try
        {
            domain = Idn.GetAscii(domainText); // "exämple.ch" → "xn--exmple-cua.ch"
        }
        catch (ArgumentException)
        {
            return new EmailRecognition(null, EmailProblem.InvalidDomain, candidate);
        }
        if (domain.Length > 253 || !DomainRegex().IsMatch(domain))
            return new EmailRecognition(null, EmailProblem.InvalidDomain, candidate) { Suggestion = Suggest(local, domain) };
        return new EmailRecognition($"{local}@{domain}", EmailProblem.None, candidate) { Suggestion = Suggest(local, domain) };
    }

    /// <summary>A likely intended address when the domain is one edit away from a common one.</summary>
    private static string? Suggest(string local, string domain)
    {
        if (CommonDomains.Contains(domain)) return null;
        var best = CommonDomains
            .Select(d => (Domain: d, Distance: TextFolding.EditDistance(domain, d, 2)))
            .Where(x => x.Distance <= (x.Domain.Length >= 8 ? 2 : 1))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Domain is null ? null : $"{local}@{best.Domain}";
    }
}

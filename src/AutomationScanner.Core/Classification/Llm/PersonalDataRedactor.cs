using System.Text;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Removes personal data from text before it leaves for the LLM: e-mail addresses, IBANs (mod-97 checked),
/// payment card numbers (Luhn checked), national ids (US SSN, Dutch BSN with the 11-test), phone numbers,
/// and names of people where they can be detected (after a title, or a capitalised pair next to a role word).
/// It errs towards redacting: a false positive costs the model a word, a false negative leaks a person.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string EmailToken = "[EMAIL]";
    public const string IbanToken = "[IBAN]";
    public const string CardToken = "[CARD]";
    public const string NationalIdToken = "[NATIONAL-ID]";
    public const string PhoneToken = "[PHONE]";
    public const string PersonToken = "[PERSON]";

    // Capitalised words that often stand next to role words but are departments or documents, not people.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "Accounts", "Payable", "Receivable", "Purchase", "Order", "Orders", "Invoice", "Invoices", "Department",
        "Team", "System", "Service", "Services", "Desk", "Help", "Finance", "Financial", "Human", "Resources",
        "Customer", "Customers", "Sales", "Support", "Head", "Office", "Manager", "Clerk", "Officer", "Lead",
        "The", "A", "An", "Each", "Every", "All", "If", "When", "Then", "After", "Before", "Send", "Check",
        "Approve", "Review", "Create", "Update", "Record", "Register", "Enter", "Open", "Close", "Ask", "Contact",
        "Claims", "Claim", "Payment", "Payments", "Credit", "Loan", "Risk", "Compliance", "Legal", "Audit",
        "Procurement", "Logistics", "Warehouse", "Quality", "Operations", "Project", "Product", "Account",
        "General", "Ledger", "Vendor", "Supplier", "Master", "Data", "Director", "Supervisor", "Controller",
    };

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = EmailPattern().Replace(text, EmailToken);
        result = IbanPattern().Replace(result, m => IsValidIban(m.Value) ? IbanToken : m.Value);
        result = CardPattern().Replace(result, m => IsLuhnValid(m.Value) ? CardToken : m.Value);
        result = SsnPattern().Replace(result, NationalIdToken);
        result = NineDigitPattern().Replace(result, m => IsBsn(m.Value) ? NationalIdToken : m.Value);
        result = PhonePattern().Replace(result, m => CountDigits(m.Value) >= 8 ? PhoneToken : m.Value);
        result = TitledNamePattern().Replace(result, PersonToken);
        result = RoleThenNamePattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = NameThenRolePattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        return result;
    }

    private static string ReplaceNameGroup(Match match, string groupName)
    {
        var name = match.Groups[groupName];
        var words = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(NotNames.Contains))
        {
            return match.Value;
        }

        return string.Concat(match.Value.AsSpan(0, name.Index - match.Index), PersonToken, match.Value.AsSpan(name.Index - match.Index + name.Length));
    }

    internal static bool IsValidIban(string candidate)
    {
        var compact = new StringBuilder(34);
        foreach (var c in candidate)
        {
            if (c != ' ')
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = compact.ToString(4, compact.Length - 4) + compact.ToString(0, 4);
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : -1;
            if (value < 0)
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    internal static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>Dutch BSN "11-test": 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11.</summary>
    internal static bool IsBsn(string candidate)
    {
        if (candidate.Length != 9 || candidate[0] == '0' && candidate[1] == '0')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (candidate[i] - '0');
        }

        sum -= candidate[8] - '0';
        return sum % 11 == 0 && sum != 0;
    }

    private static int CountDigits(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"(?<![\d.,-])\d{9}(?![\d.,-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigitPattern();

    // International (+31 20 123 4567, 0044 ...), US ((555) 123-4567, 555-123-4567) and local (020-1234567) numbers.
    // ISO dates and amounts do not match: each branch needs a +, 00, a bracketed area code, or a leading 0.
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{3}\)[ ]?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4}|0\d{1,3}[ /-]?\d{3,4}[ -]?\d{2,4})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Dhr|Mevr|Mevrouw|Meneer|Sir|Madam)\.?\s+[A-Z][\p{Ll}'’-]+(?:\s+[A-Z][\p{Ll}'’-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex TitledNamePattern();

    [GeneratedRegex(@"\b(?i:manager|clerk|officer|supervisor|approver|accountant|assistant|analyst|employee|colleague|agent|controller|director|lead|owner|contact|representative|specialist|coordinator|administrator|secretary|auditor|buyer|planner|handler|advisor|adviser)\s*[,:(]?\s*(?<name>[A-Z][\p{Ll}'’-]+\s+[A-Z][\p{Ll}'’-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RoleThenNamePattern();

    [GeneratedRegex(@"(?<name>\b[A-Z][\p{Ll}'’-]+\s+[A-Z][\p{Ll}'’-]+)\s*(?:,\s*(?:the\s+|our\s+)?|\(\s*)(?i:manager|clerk|officer|supervisor|approver|accountant|assistant|analyst|employee|colleague|agent|controller|director|team lead|owner|representative|specialist|coordinator|administrator|secretary|auditor|buyer|planner|handler|advisor|adviser)", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenRolePattern();
}

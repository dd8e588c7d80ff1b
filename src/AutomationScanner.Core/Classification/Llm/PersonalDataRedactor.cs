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
        "Microsoft", "Teams", "Outlook", "Excel", "Word", "SharePoint", "Google", "Oracle", "Salesforce", "Workday", "Ariba",
        "Coupa", "Jira", "Slack", "Zoom", "Power", "Automate", "Dynamics", "Business", "Central", "Portal", "Mailbox", "Inbox",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "June", "July", "August", "September", "October", "November", "December", "Goods", "Receipt", "Delivery", "Note",
        "Request", "Requests", "Ticket", "Tickets", "Form", "Forms", "Report", "Reports", "Contract", "Contracts", "Policy",
        "Board", "Committee", "Shared", "Services", "Centre", "Center", "Accounting", "Treasury", "Tax", "Payroll", "Billing",
        "Onboarding", "Desk", "Queue", "Workflow", "Bank", "Statement", "Expense", "Expenses", "Travel", "Fleet", "Facilities",
        "Marketing", "Engineering", "Research", "Development", "Information", "Technology", "Security", "Privacy", "Office",
        "Manual", "Standard", "Operating", "Procedure", "Instruction", "Process", "Step", "Steps", "Task", "Tasks", "Final",
        "First", "Second", "Third", "Next", "Last", "New", "Old", "Monthly", "Weekly", "Daily", "Annual", "Quarterly",
        "Invoice", "Number", "Credit", "Note", "Notes", "Control", "Manager", "Managers", "Europe", "America", "Asia", "London",
        "Paris", "Berlin", "Amsterdam", "Madrid", "Rome", "Brussels", "Stockholm", "Warsaw", "York", "Street", "Road",
        "Station", "Square", "Park", "Bridge", "Airport", "Hall", "House", "Building", "Avenue", "Lane", "Depot", "Plant",
        // Heads of place names ("Santa Clara", "Port Elizabeth", "Mount Pleasant", "Fort Worth").
        "Santa", "Santo", "San", "São", "Saint", "Sankt", "Port", "Mount", "Lake", "Fort", "Cape", "Los", "Las", "El", "Bad",
        "North", "South", "East", "West", "Upper", "Lower", "Nuevo", "Nueva",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "A", "An", "The" };

    public const string BirthDateToken = "[DATE-OF-BIRTH]";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = EmailPattern().Replace(text, EmailToken);
        result = ObfuscatedEmailPattern().Replace(result, EmailToken);
        result = IbanPattern().Replace(result, ReplaceIban);
        result = CardPattern().Replace(result, m => IsLuhnValid(m.Value) ? CardToken : m.Value);
        result = SsnPattern().Replace(result, NationalIdToken);
        result = SsnContextPattern().Replace(result, m => ReplaceGroup(m, "id", NationalIdToken));
        result = NationalIdPattern().Replace(result, m => IsNationalId(m) ? NationalIdToken : m.Value);
        result = NineDigitPattern().Replace(result, m => IsBsn(m.Value) ? NationalIdToken : m.Value);
        result = BirthDatePattern().Replace(result, m => ReplaceGroup(m, "date", BirthDateToken));
        result = PhonePattern().Replace(result, m => CountDigits(m.Value) is >= 8 and <= 15 ? PhoneToken : m.Value);
        result = TitledNamePattern().Replace(result, PersonToken);
        result = RoleThenNamePattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = NameThenRolePattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = VerbThenNamePattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = NameThenVerbPattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = NameThenContactPattern().Replace(result, m => ReplaceNameGroup(m, "name"));
        result = FirstNamePattern().Replace(result, m => IsFirstName(m.Groups["first"].Value) && !NotNames.Contains(m.Groups["last"].Value) ? PersonToken : m.Value);
        result = LoneFirstNamePattern().Replace(result, m => IsFirstName(m.Groups["name"].Value) || IsPrefixedSurname(m.Groups["name"].Value) ? ReplaceGroup(m, "name", PersonToken) : m.Value);
        return result;
    }

    /// <summary>O'Brien, D'Angelo, McCarthy-style surnames: a person even without a first name.</summary>
    private static bool IsPrefixedSurname(string word) => word.Length > 3 && char.IsUpper(word[0]) && word[1] is '\'' or '’' && char.IsUpper(word[2]);

    private static string ReplaceGroup(Match match, string groupName, string token)
    {
        var group = match.Groups[groupName];
        return string.Concat(match.Value.AsSpan(0, group.Index - match.Index), token, match.Value.AsSpan(group.Index - match.Index + group.Length));
    }

    /// <summary>National ids with a format of their own, each confirmed by its check digit where it has one.</summary>
    /// <summary>
    /// The IBAN pattern's optional last group can swallow the next short word ("... 7034 by"): when the whole match
    /// fails the check, the longest prefix that ends at a space and passes it is redacted.
    /// </summary>
    private static string ReplaceIban(Match match)
    {
        var value = match.Value;
        for (var end = value.Length; end >= 15;)
        {
            if (IsValidIban(value[..end]))
            {
                return IbanToken + value[end..];
            }

            end = value.LastIndexOf(' ', end - 1);
        }

        return value;
    }

    /// <summary>Finnish henkilötunnus: DDMMYY, a century sign, three digits and a mod-31 check character.</summary>
    internal static bool IsFinnishId(string value)
    {
        if (value.Length != 11 || !int.TryParse(value[..6], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var date)
            || !int.TryParse(value[7..10], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }

        var day = date / 10000;
        var month = date / 100 % 100;
        return day is >= 1 and <= 31 && month is >= 1 and <= 12
            && "0123456789ABCDEFHJKLMNPRSTUVWXY"[(int)(((long)date * 1000 + serial) % 31)] == char.ToUpperInvariant(value[10]);
    }

    private static bool IsNationalId(Match match)
    {
        var value = match.Value;
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (match.Groups["nino"].Success || match.Groups["cf"].Success)
        {
            return true;
        }

        if (match.Groups["dni"].Success)
        {
            return IsSpanishId(value);
        }

        if (match.Groups["nir"].Success)
        {
            return IsFrenchNir(value);
        }

        if (match.Groups["se"].Success)
        {
            return digits.Length is 10 or 12 && IsLuhnDigits(digits[^10..]);
        }

        if (match.Groups["be"].Success)
        {
            return IsBelgian(digits);
        }

        if (match.Groups["fi"].Success)
        {
            return IsFinnishId(value);
        }

        // Eleven bare digits: a German tax id or a Polish PESEL, each with its own structure and check digit.
        return digits.Length == 11 && (IsGermanTaxId(digits) || IsPesel(digits) || (value.Contains('.', StringComparison.Ordinal) && IsBelgian(digits)));
    }

    internal static bool IsSpanishId(string value)
    {
        var compact = new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        if (compact.Length != 9)
        {
            return false;
        }

        var number = compact[0] switch { 'X' => "0" + compact[1..8], 'Y' => "1" + compact[1..8], 'Z' => "2" + compact[1..8], _ => compact[..8] };
        return number.All(char.IsAsciiDigit) && "TRWAGMYFPDXBNJZSQVHLCKE"[(int)(long.Parse(number, System.Globalization.CultureInfo.InvariantCulture) % 23)] == compact[8];
    }

    internal static bool IsFrenchNir(string value)
    {
        var compact = new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        if (compact.Length != 15)
        {
            return false;
        }

        var body = compact[..13].Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        if (!body.All(char.IsAsciiDigit) || !int.TryParse(compact[13..], out var key))
        {
            return false;
        }

        var n = decimal.Parse(body, System.Globalization.CultureInfo.InvariantCulture);
        return 97 - (int)(n % 97) == key;
    }

    internal static bool IsBelgian(string digits)
    {
        if (digits.Length != 11)
        {
            return false;
        }

        var first = long.Parse(digits[..9], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(digits[9..], System.Globalization.CultureInfo.InvariantCulture);
        return 97 - (first % 97) == check || 97 - ((2_000_000_000 + first) % 97) == check;
    }

    /// <summary>German Steuer-IdNr: ISO 7064 MOD 11,10 check digit; in the first ten digits one digit occurs two or three times, the others at most once.</summary>
    internal static bool IsGermanTaxId(string digits)
    {
        if (digits.Length != 11 || digits[0] == '0')
        {
            return false;
        }

        var counts = digits[..10].GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count(c => c > 1) != 1 || counts.Max() > 3)
        {
            return false;
        }

        var product = 10;
        for (var i = 0; i < 10; i++)
        {
            var sum = (digits[i] - '0' + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        var checkDigit = 11 - product == 10 ? 0 : 11 - product;
        return checkDigit == digits[10] - '0';
    }

    /// <summary>Polish PESEL: a valid birth date (month offset by century) and the weighted check digit.</summary>
    internal static bool IsPesel(string digits)
    {
        if (digits.Length != 11)
        {
            return false;
        }

        var month = ((digits[2] - '0') * 10) + (digits[3] - '0');
        var day = ((digits[4] - '0') * 10) + (digits[5] - '0');
        if (month % 20 is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        int[] weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += weights[i] * (digits[i] - '0');
        }

        return (10 - (sum % 10)) % 10 == digits[10] - '0';
    }

    private static bool IsLuhnDigits(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
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

    private static string ReplaceNameGroup(Match match, string groupName)
    {
        var name = match.Groups[groupName];
        var words = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Where((w, i) => i == 0 || !Articles.Contains(w)).Any(NotNames.Contains) || words.All(w => Particles.Contains(w)))
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

        // No card number starts with 0 (the major industry identifier); SSCC and tracking numbers often do.
        if (digits.Length is < 13 or > 19 || digits[0] == 0)
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

    /// <summary>A listed first name, compared without diacritics (María, José, Zoë match Maria, Jose, Zoe).</summary>
    private static bool IsFirstName(string word) => FirstNames.Contains(word) || FirstNames.Contains(WithoutDiacritics(word));

    private static string WithoutDiacritics(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static int CountDigits(string value) => value.Count(char.IsAsciiDigit);

    // A name: a capitalised word (Unicode: Élodie, Łukasz), O'Brien and D'Angelo, double-barrelled Jean-Luc.
    private const string NameWord = @"(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?";

    // Surname particles: van der Berg, von Weizsäcker, de la Cruz, di Stefano.
    private const string Particle = @"(?:van|von|de|der|den|da|di|du|del|della|dos|das|le|la|ter|ten|zu|af|bin|ibn)";

    private const string FullName = NameWord + @"(?:\s+(?:" + Particle + @"\s+){0,3}" + NameWord + @"){1,2}";

    private const string RoleWords = "manager|clerk|officer|supervisor|approver|accountant|assistant|analyst|employee|colleague|agent|controller|director|lead|owner|contact|representative|specialist|coordinator|administrator|secretary|auditor|buyer|planner|handler|advisor|adviser";

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "ter", "ten", "zu", "af", "bin", "ibn",
    };

    // Common first names across the languages of the shipped samples. Names that are also ordinary words in
    // business text (Bill, Mark, Will, May, Grace, Max, Frank, Sue...) are left out: they would redact work.
    private static readonly HashSet<string> FirstNames = new(StringComparer.Ordinal)
    {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel",
        "Matthew", "Anthony", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy",
        "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry",
        "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Raymond", "Dennis", "Jerry",
        "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Henry", "Douglas", "Zachary", "Peter", "Kyle", "Noah", "Ethan", "Jeremy",
        "Walter", "Christian", "Keith", "Roger", "Terry", "Austin", "Sean", "Gerald", "Carl", "Harold", "Dylan", "Arthur",
        "Lawrence", "Jordan", "Jesse", "Bryan", "Billy", "Bruce", "Gabriel", "Joe", "Logan", "Alan", "Juan", "Albert", "Willie",
        "Elijah", "Wayne", "Randy", "Vincent", "Mason", "Roy", "Ralph", "Bobby", "Russell", "Bradley", "Philip", "Eugene",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy",
        "Betty", "Sandra", "Margaret", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa",
        "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Dorothy", "Amy", "Kathleen", "Angela", "Shirley",
        "Emma", "Brenda", "Pamela", "Nicole", "Anna", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn",
        "Janet", "Maria", "Olivia", "Heather", "Helen", "Catherine", "Diane", "Julie", "Victoria", "Joyce", "Lauren", "Kelly",
        "Christina", "Ruth", "Joan", "Virginia", "Judith", "Evelyn", "Hannah", "Andrea", "Megan", "Cheryl", "Jacqueline",
        "Madison", "Teresa", "Abigail", "Sophia", "Martha", "Sara", "Gloria", "Janice", "Kathryn", "Ann", "Isabella", "Judy",
        "Charlotte", "Julia", "Alice", "Jean", "Jane", "Claire", "Sophie", "Lucy", "Chloe", "Ella", "Oliver", "Harry", "Jack",
        "Charlie", "Oscar", "Leo", "Freddie", "Alfie", "Archie", "Liam", "Connor", "Siobhan", "Niamh", "Aoife", "Ciara",
        "Jan", "Pieter", "Kees", "Henk", "Joost", "Bram", "Sander", "Bas", "Ruud", "Wouter", "Jeroen", "Sanne", "Anouk",
        "Femke", "Lotte", "Annelies", "Marieke", "Inge", "Ingrid", "Els", "Joke", "Willem", "Maarten", "Koen", "Thijs", "Sven",
        "Hans", "Klaus", "Jürgen", "Stefan", "Andreas", "Wolfgang", "Uwe", "Dieter", "Jörg", "Matthias", "Lukas", "Felix",
        "Jonas", "Tobias", "Florian", "Sebastian", "Ursula", "Monika", "Sabine", "Petra", "Birgit", "Heike", "Katrin", "Anja",
        "Julia", "Lena", "Lea", "Leonie", "Jürgen", "Günter", "Björn", "Søren", "Lars", "Nils", "Erik", "Anders", "Johan",
        "Astrid", "Ingeborg", "Sigrid", "Karin", "Maja", "Elsa", "Freya", "Pierre", "Jacques", "François", "Philippe",
        "Nicolas", "Olivier", "Antoine", "Julien", "Mathieu", "Sébastien", "Jérôme", "Stéphane", "Élodie", "Émilie", "Céline",
        "Isabelle", "Nathalie", "Sandrine", "Aurélie", "Camille", "Manon", "Chloé", "Léa", "Hélène", "Amélie", "Marie",
        "Giuseppe", "Giovanni", "Francesco", "Antonio", "Alessandro", "Andrea", "Luca", "Marco", "Matteo", "Lorenzo",
        "Giulia", "Francesca", "Chiara", "Federica", "Alessandra", "Paola", "Sofia", "Elena", "Carlos", "Javier", "Miguel",
        "Alejandro", "Pablo", "Sergio", "Jorge", "Alberto", "Fernando", "Diego", "Álvaro", "Lucía", "Carmen", "Laura",
        "Marta", "Cristina", "Pilar", "Isabel", "Rocío", "Inés", "João", "Tiago", "Rui", "Beatriz", "Piotr", "Krzysztof",
        "Tomasz", "Paweł", "Łukasz", "Michał", "Marcin", "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Joanna",
        "Zofia", "Mohammed", "Muhammad", "Ahmed", "Ali", "Omar", "Fatima", "Aisha", "Yusuf", "Mehmet", "Mustafa", "Ayşe",
        "Emine", "Priya", "Rahul", "Amit", "Anil", "Sunita", "Deepak", "Wei", "Li", "Hiroshi", "Yuki", "Kenji", "Olga",
        "Ivan", "Sergei", "Dmitri", "Natalia", "Svetlana", "Tatiana", "Elena", "Irina",
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Addresses written to dodge harvesters: jan (at) contoso (dot) com, jan[at]contoso.com, jan at contoso dot com.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[\p{L}\p{N}-]+)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ObfuscatedEmailPattern();

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    // An SSN written without dashes or with spaces is only recognisable by what is written next to it.
    [GeneratedRegex(@"\b(?i:ssn|social security(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#|no\.?)?\s*(?<id>\d{3}[ -]?\d{2}[ -]?\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex SsnContextPattern();

    // UK NINO, Italian codice fiscale, Spanish DNI/NIE, French NIR, Swedish personnummer, Belgian national number,
    // and eleven-digit numbers (German tax id, Polish PESEL); the check digits are verified in IsNationalId.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?<nino>(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])|(?<cf>[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z])|(?<dni>[XYZ]-?\d{7}-?[A-Z]|\d{8}-?[A-Z])|(?<nir>[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2})|(?<se>(?:\d{2})?\d{6}[-+]\d{4})|(?<be>\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2})|(?<fi>\d{6}[-+A-FU-Y]\d{3}[0-9A-Y])|\d{2} ?\d{3} ?\d{3} ?\d{3}|\d{11})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NationalIdPattern();

    [GeneratedRegex(@"(?<![\d.,-])\d{9}(?!\d)(?![.,-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigitPattern();

    [GeneratedRegex(@"\b(?i:born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|geboren(?:\s+am)?|geb\.|geburtsdatum|née?\s+le|date\s+de\s+naissance|fecha\s+de\s+nacimiento|data\s+di\s+nascita|geboortedatum)\s*[:\-]?\s*(?<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex BirthDatePattern();

    // International (+31 20 123 4567, 0044 ...), US ((555) 123-4567, 555-123-4567, 555 123 4567) and local numbers with
    // spaces (020 7946 0958, 07700 900123, (0161) 496 0000). ISO dates and amounts do not match: each branch needs a
    // +, 00, a bracketed area code, a leading 0 or the US 3-3-4 grouping; 8 to 15 digits (E.164) are checked after.
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{3}\)[ ]?\d{3}[ .-]\d{4}|\d{3}[. -]\d{3}[. -]\d{4}|\(0\d{2,4}\)[ ]?\d{3,4}[ -]?\d{3,4}|0\d{1,4}[ /-]?\d{3,4}[ -]?\d{2,4}|0\d{1,3}(?:[ .]\d{2}){3,4})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Dhr|Mevr|Mevrouw|Meneer|Sir|Madam|Mme|Mlle|M|Sr|Sra|Sig|Sig\.ra|Pan|Pani)\.?\s+(?:" + Particle + @"\s+){0,3}" + NameWord + @"(?:\s+(?:" + Particle + @"\s+){0,3}" + NameWord + ")?", RegexOptions.CultureInvariant)]
    private static partial Regex TitledNamePattern();

    [GeneratedRegex(@"\b(?i:" + RoleWords + @")\s*[,:(]?\s*(?<name>" + FullName + ")", RegexOptions.CultureInvariant)]
    private static partial Regex RoleThenNamePattern();

    [GeneratedRegex(@"(?<name>(?<![\p{L}])" + FullName + @")\s*(?:,\s*(?:the\s+|our\s+)?|\(\s*)(?i:" + RoleWords + "|team lead)", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenRolePattern();

    // A capitalised pair after a word that only people follow: "ask Anna Kowalski", "approved by Jean-Luc Picard".
    [GeneratedRegex(@"\b(?i:by|ask|asks|call|calls|phone|email|emails|e-mail|mail|cc|contact|contacts|inform|informs|notify|notifies|tell|tells|thank|thanks|dear|hi|hello|from|to|with)\s+(?<name>" + FullName + @")(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenNamePattern();

    [GeneratedRegex(@"(?<![\p{L}])(?<name>" + FullName + @")\s+(?i:approves|approved|signs|signed|checks|checked|reviews|reviewed|calls|called|sends|sent|asks|asked|emails|emailed|says|said|confirms|confirmed|handles|handled|rejects|rejected|decides|decided|is\s+responsible|was\s+absent|is\s+on\s+leave|complained|complains|submits|submitted|tells|told|writes|wrote|phones|phoned|escalates|escalated|requests|requested|disputes|disputed|verifies|verified|agrees|agreed|refuses|refused|authorises|authorised|authorizes|authorized)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenVerbPattern();

    // A known first name and a capitalised word after it: "Élodie Martin", "Anna van der Berg".
    [GeneratedRegex(@"(?<![\p{L}])(?<name>" + FullName + @")\s*[(<,]\s*\[(?:EMAIL|PHONE)\]", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenContactPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?<first>\p{Lu}[\p{Ll}\p{M}]+)\s+(?:" + Particle + @"\s+){0,3}(?<last>" + NameWord + @")(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNamePattern();

    // A known first name alone, where only a person fits: "ask Maria", "Maria approves".
    [GeneratedRegex(@"(?:\b(?i:ask|asks|call|calls|email|emails|cc|contact|inform|tell|thank|thanks|dear|hi|hello|by)\s+(?<name>(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}])|(?<![\p{L}])(?<name>\p{Lu}[\p{Ll}\p{M}]+)\s+(?i:approves|approved|signs|signed|checks|checked|calls|called|sends|sent|says|said|confirms|confirmed|decides|decided|is\s+on\s+leave|submits|submitted|tells|told|writes|wrote|phones|phoned|escalates|escalated|requests|requested|complains|complained)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex LoneFirstNamePattern();
}

using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The words that state a legal element, read from the element's own pattern: every plain alternative of it
/// ("conceal", "take advantage", "memory loss"), a stem ("decept\w*") completed to the shortest word of the catalogue's
/// exemplars that starts with it ("deceptive"). These seeds let an element be found by meaning: a task word or word
/// pair near a seed (a synonym the list lacks: "fool" for "trick", "bereaved" for "grieving") counts as the element,
/// beside the pattern itself. Alternatives that are not plain words (nested groups, classes) are left to the pattern.
/// </summary>
public static partial class ElementSeeds
{
    /// <summary>Function words: never a seed, never a task unit.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(
        "the a an of to in on for with by from into and or their his her its they them this that these those what which who whom how when where why than more most less very not no any every each some such as at be is are was were been being have has had do does did will would can could may might must shall should about after before over under while because it our your all per via".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words that name a natural person, or a record that stands for one (an application, a CV, an essay, an account:
    /// deciding on it decides on its person). A task word near one of these names a person
    /// (<see cref="SemanticSettings.NonPersonThreshold"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> Persons =
    [
        "person", "people", "individual", "customer", "client", "applicant", "candidate", "employee", "worker", "staff member",
        "student", "pupil", "patient", "citizen", "resident", "tenant", "borrower", "claimant", "member", "user", "child",
        "family", "household", "passenger", "traveller", "driver", "volunteer", "visitor", "subscriber", "policyholder",
        "job seeker", "application", "curriculum vitae", "resume", "essay", "exam paper", "homework", "thesis", "account",
        "profile", "claim", "case file", "owner", "keeper",
    ];

    /// <summary>
    /// Round 25: the kinds of person the rules about persons name, each with the words the legal texts use for it; the
    /// first word is the one a role noun of that kind is read as. Worker: the persons in work-related relationships of
    /// Annex III 4(b) (AI Act Art. 26(7): workers). Student: Annex III 3 (students, learners, vocational trainees).
    /// Applicant: Annex III 4(a) candidates and 5(a) applicants for and beneficiaries of public assistance. Customer: the
    /// consumer of Annex III 5(b) and 5(c) and the data subject of a contract under GDPR Art. 22(2)(a) (a client, a
    /// tenant, a patient, a member of a club or scheme). Person: the
    /// natural person of Annex III 5(b) and GDPR Art. 22 (a household, a family: WP251rev.01).
    /// </summary>
    public static readonly IReadOnlyList<(string Kind, IReadOnlyList<string> Seeds)> PersonKinds =
    [
        ("worker", ["worker", "employee", "staff member", "personnel"]),
        ("student", ["student", "pupil", "learner", "trainee"]),
        ("applicant", ["applicant", "candidate", "job seeker", "claimant", "beneficiary"]),
        ("customer", ["customer", "consumer", "client", "borrower", "policyholder", "tenant", "patient", "member"]),
        ("person", ["person", "individual", "household", "family"]),
    ];

    /// <summary>
    /// Round 25: bodies and places that are no natural person (a firm, a supplier, a school) and the party that takes the
    /// decision (the lender, the insurer, the employer): a role noun must read nearer to a kind of person than to these
    /// (AI Act Annex III 5(b) and GDPR Art. 22 protect the natural person decided about, not legal persons).
    /// </summary>
    public static readonly IReadOnlyList<string> Organisations =
    [
        "company", "firm", "business", "supplier", "organisation", "institution", "school", "shop", "office", "authority",

        // The deployer's side of the decision: who grants the credit, the cover, the work or the lease.
        "bank", "lender", "insurer", "provider", "employer", "landlord", "partner", "agency",
    ];

    /// <summary>
    /// Words that name a document or written text as such (its form, its wording, its parts), and (round 13) the other
    /// kinds of subject a rule about natural persons never covers: an animal, a machine, a vehicle, goods or produce.
    /// A task whose subject is one of these and that names no person (<see cref="Persons"/>) acts on a text, an animal
    /// or a thing, not on a natural person: biometric data, education, credit and employment are about persons only
    /// (AI Act Art. 3(34), Annex III).
    /// </summary>
    public static readonly IReadOnlyList<string> NonPersons = [.. WrittenTexts(), .. BeingsAndThings()];

    /// <summary>
    /// The part of <see cref="NonPersons"/> that names a document or written text. A plural pronoun beside one
    /// ("score their essays") is the persons' whose text it is; beside an animal or a thing ("the cows ... their ears")
    /// it is the animal's or the thing's (<see cref="SemanticRuleMatcher.NonPersonSubject"/>).
    /// </summary>
    public static bool IsWrittenText(string seed) => WrittenTextSeeds.Contains(seed);

    private static readonly HashSet<string> WrittenTextSeeds = new(WrittenTexts(), StringComparer.Ordinal);

    private static string[] WrittenTexts() =>
    [
        "document", "file format", "written text", "draft", "clause", "paragraph", "wording",
        "template", "spreadsheet", "page", "manual", "article", "translation", "format", "layout", "typo",
        "spelling", "font", "policy document", "terms and conditions", "invoice", "brochure", "manuscript",
    ];

    private static string[] BeingsAndThings() =>
    [
        "animal", "animals", "livestock", "wildlife", "pet", "dog", "cat", "horse", "cattle", "bird", "fish", "ape", "monkey",
        "machine", "robot", "vehicle", "equipment", "device", "engine", "drone", "ship", "boat", "aircraft",
        "goods", "product", "parcel", "crop", "fruit",

        // Round 23: parts of the body that no human has. A text that identifies or reads an animal by its fur, scales,
        // fins or feathers is about the animal (biometric data are a natural person's, AI Act Art. 3(34)).
        "fur", "feathers", "scales", "fins", "gills", "paws", "hooves", "claws", "beak", "snout", "muzzle", "tail",
        "horns", "antlers", "tusks", "whiskers", "wings", "shell", "udder", "mane",
    ];

    /// <summary>
    /// Round 25: the common name of an animal in <paramref name="text"/> (its first), or null. Biometric data are a natural
    /// person's (AI Act Art. 3(34)); a text whose subject is an animal ("face recognition for the tortoises") is about the
    /// animal. The model does not read every species as an animal (a tortoise or a llama is about 0.4 from "animal", below
    /// <see cref="SemanticSettings.NonPersonThreshold"/>), so the names are a word list: a closed class, as pronouns are.
    /// Names that are as often something else are left out (bear, seal, mole, bat, crane, kid, ram, mouse, turkey, fly,
    /// duck, swallow, python, ray, bull, stag, hen; round 38 added sow, bullock, cockerel and filly).
    /// </summary>
    /// <remarks>
    /// Round 44: an animal's name that names a business or a body ("the moose copper mine", "the falcon warehouse", "the
    /// coot amateur cycling federation": in the singular, after "the", "a" or "an" and before a word that is neither an
    /// animal, nor what animals are kept, bred, counted, shown or read by, nor a verb) is a name, not an animal
    /// (<see cref="NamesABusiness"/>): the helmet microphones of the moose copper mine read the miners' voices.
    /// </remarks>
    public static string? AnimalName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var match = AnimalNames().Match(text); match.Success; match = match.NextMatch())
        {
            if (!NamesABusiness(text, match))
            {
                return match.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Round 44: whether the animal's name <paramref name="match"/> stands before a word as the name of a business or a
    /// body ("the otter bakery", "a cougar heater seller"): in the singular, after an article, and before a word that is
    /// no animal, no place, product or trade of animals ("the pig farm", "the beaver lodge", "the cattle market", "the
    /// dog walkers", "the moose population"), no part or record of one ("the horse's gait", "the cow tags"), no verb
    /// ("the moose grazes", "the sheep look stressed", "the cat sleeping") and no function word. Plural animals
    /// ("the ostriches look stressed") are animals.
    /// </summary>
    private static bool NamesABusiness(string text, Match match) =>
        !match.Value.EndsWith('s') && ArticleBefore().IsMatch(text[..match.Index])
        && NameHead().Match(text, match.Index + match.Length) is { Success: true } head && head.Index == match.Index + match.Length;

    [GeneratedRegex(@"\b(the|a|an)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleBefore();

    /// <summary>The word after an animal's name that makes it a business's or a body's name (see <see cref="NamesABusiness"/>).</summary>
    [GeneratedRegex(@"\G[ \t]+(?!(" + AnimalWords + @"|" + AnimalTrades + @"|" + FunctionWords + @"|" + CommonVerbs + @")\b)(?![\p{L}-]+(ing|ed|s)\b)[\p{L}][\p{L}-]*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameHead();

    /// <summary>What animals are kept, bred, traded, shown, counted, tended or read by, and their parts and records.</summary>
    private const string AnimalTrades = @"lodge|den|burrow|dam|hive|loft|aviary|warren|sett|roost|stall|byre|hutch|perch|fold|ranch|farm|farmer|rancher|herder|shepherd|shed|barn|stable|kennel|cattery|coop|pen|sty|hatchery|zoo|sanctuary|shelter|rescue|breeder|breeding|herd|flock|colony|pack|swarm|shoal|population|census|count|migration|habitat|enclosure|paddock|pasture|meadow|field|meat|milk|dairy|wool|fleece|feed|fodder|food|owner|keeper|handler|vet|veterinary|clinic|hospital|show|market|auction|fair|race|trainer|training|hunt|hunter|tracking|track|dropping|sighting|call|song|nest|egg|cub|calf|welfare|health|disease|collar|tag|chip|microchip|passport|registry|register|stud|studbook|walker|sitter|groomer|grooming|insurance|treat|toy|litter|carcass|hide|skin|fur|feather|ear|face|eye|muzzle|paw|tail|coat|marking|spot|stripe|behaviour|behavior|temperament|posture|gait|movement|activity|weight|image|photo|picture|video|footage|cam|camera|webcam|trap|cage|tank|aquarium|pond|lake|trail|reserve|park|safari|tour|watch|watching|spotting|feeder|trough|bedding|harness|saddle|shoe|brand|ringing|ring";

    /// <summary>Verbs that follow an animal as its subject ("the sheep look stressed", "the deer cross the road").</summary>
    private const string CommonVerbs = @"look|seem|appear|feel|get|become|go|come|move|eat|drink|sleep|run|walk|stand|lie|stay|live|graze|feed|need|want|like|show|make|take|give|use|see|hear|react|respond|behave|act|wait|leave|enter|pass|cross|fly|swim|grow|die|calve|lamb|bark|bite|cry|call|sing|rest|roam|wander|return|arrive|escape|hide|fight|play|breed|mate|limp|suffer";

    /// <summary>Words that never head a name: articles, pronouns, prepositions, conjunctions and auxiliaries.</summary>
    private const string FunctionWords = @"the|a|an|and|or|but|nor|of|to|in|on|at|by|for|with|from|into|onto|over|under|near|as|is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|shall|should|must|do|does|did|that|which|who|whom|whose|this|these|those|it|its|their|his|her|they|them|he|she|when|while|if|so|than|then|not|no";

    /// <summary>
    /// Round 26: the human face or facial image <paramref name="text"/> names (its first: "faces", "facial images",
    /// "selfies", "headshots", "mugshots"), or null. Biometric data are data of a natural person's physical
    /// characteristics, facial images included (AI Act Art. 3(34)): a text that collects, matches or reads faces names
    /// persons, whatever thing ("engine", "product", "crop") is the nearest other word, unless it says whose else the
    /// face is: an animal's (<see cref="AnimalName"/>, read by the caller) or a thing's ("clock faces", "the faces of the
    /// statues", "cartoon characters' faces"), or a face that is depicted (painted portraits, drawings, sculptures, dolls);
    /// "face value" and "face to face" are no face.
    /// </summary>
    public static string? HumanFace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DepictedFaces().IsMatch(text))
        {
            return null;
        }

        var match = HumanFaces().Match(text);
        return match.Success ? match.Value : null;
    }

    /// <summary>
    /// Round 40: whether <paramref name="text"/> has a face word that is no thing's face ("clock faces", "the faces of
    /// the statues", "face value"), without <see cref="HumanFace"/>'s check for depicted faces: "avatar photos" of real
    /// accounts are pictures of people.
    /// </summary>
    public static bool NamesAFaceWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return HumanFaces().IsMatch(text);
    }

    // A face that is depicted, not a person's: in a painting, a drawing, a sculpture, a cartoon or a figure.
    [GeneratedRegex(@"\b(paint(ed|ing|ings)|drawn|drawings?|sketch(ed|es)?|carv(ed|ings?)|sculpt\w*|statues?|cartoons?|animated|comics?|illustrat\w*|artworks?|mannequins?|dolls?|puppets?|emojis?|avatars?|figurines?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DepictedFaces();

    [GeneratedRegex(@"(?<!\bface[- ]to[- ])(?<!\b(clock|watch|dial|cliff|rock|coal|cube|dice|die|card|building|tile|stone|wall|crystal|mountain|quarry|brick|gem|cartoon|doll|statue|mannequin|robot|emoji|avatar|puppet|mask|coin|planet|moon|type|cut|work)(s|es)?('s|s'|’s)?\s)\b(faces?|facial|selfies?|headshots?|mugshots?)\b(?!\s+(value|to\s+face|of\s+(the\s+|a\s+|an\s+)?(clocks?|watch(es)?|dials?|cliffs?|rocks?|coins?|cubes?|dice|cards?|buildings?|statues?|dolls?|mannequins?|robots?|cartoons?|cartoon characters?|animated characters?|puppets?|masks?|emojis?|avatars?|planets?|moons?|mountains?)\b))(?!-to-face)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HumanFaces();

    /// <summary>
    /// Round 38: whether <paramref name="text"/> singles out animals one by one ("each sow", "every cow", "individual
    /// lemurs"): a pronoun after such words ("by the pattern of her ears") is the animal's, not a person's.
    /// </summary>
    public static bool NamesAnimalsOneByOne(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnimalsOneByOne().IsMatch(text);
    }

    [GeneratedRegex(@"\b(each|every|individual|single)\s+([\w-]+\s+)?(" + AnimalWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnimalsOneByOne();

    /// <summary><paramref name="text"/> without the animals' names <see cref="AnimalName"/> reads.</summary>
    public static string WithoutAnimalNames(string text) => AnimalNames().Replace(text, " ");

    /// <summary>Round 26: whether <paramref name="word"/> is, as a whole, an animal's common name ("hounds", "hamsters").</summary>
    public static bool IsAnimalWord(string word) => AnimalNames().Match(word) is { Success: true } m && m.Length == word.Length;

    // Round 38: the names as one list, read alone and after a word that singles one animal out.
    private const string AnimalWords = @"animals?|livestock|wildlife|pets?|dogs?|pupp(y|ies)|cats?|kittens?|horses?|pon(y|ies)|foals?|donkeys?|mules?|cattle|cows?|calf|calves|heifers?|ox|oxen|sheep|lambs?|ewes?|goats?|pigs?|piglets?|boars?|sows?|bullocks?|cockerels?|fill(y|ies)|llamas?|alpacas?|camels?|deer|reindeer|elks?|moose|bison|buffalo(es)?|yaks?|rabbits?|hares?|hamsters?|guinea pigs?|rats?|squirrels?|hedgehogs?|fox(es)?|wol(f|ves)|badgers?|otters?|beavers?|lions?|tigers?|leopards?|cheetahs?|elephants?|giraffes?|zebras?|rhinos?|rhinoceros(es)?|hippos?|monkeys?|apes?|gorillas?|chimpanzees?|orangutans?|lemurs?|kangaroos?|koalas?|pandas?|birds?|chickens?|chicks?|roosters?|ducklings?|goose|geese|swans?|pigeons?|parrots?|owls?|eagles?|falcons?|hawks?|penguins?|ostrich(es)?|emus?|pheasants?|quails?|poultry|fish|fishes|salmon|trout|carp|cod|tuna|sharks?|eels?|whales?|dolphins?|porpoises?|walrus(es)?|octopus(es)?|squids?|crabs?|lobsters?|shrimps?|prawns?|oysters?|mussels?|snails?|tortoises?|turtles?|lizards?|geckos?|iguanas?|snakes?|crocodiles?|alligators?|frogs?|toads?|newts?|salamanders?|reptiles?|amphibians?|mammals?|insects?|bees?|wasps?|butterfl(y|ies)|moths?|beetles?|spiders?|worms?|herds?|flocks?|stallions?|mares?|geldings?|hounds?|terriers?|poodles?|spaniels?|collies?|rodents?|primates?";

    [GeneratedRegex(@"\b(" + AnimalWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnimalNames();

    /// <summary>
    /// Round 47: the words where <paramref name="text"/> recognises, identifies or tells apart animals one by one
    /// ("recognises individual butterflies by their wing pattern"), or null: the animals are what is identified, whoever
    /// else the text names (the volunteers who photograph them) and whatever pronoun stands for the animals ("their").
    /// Null when the text also identifies persons beside them ("and their owners"), and where the animal word names the
    /// persons it qualifies ("matches the pet owners' faces", "the dog walkers").
    /// </summary>
    public static string? IdentifiesAnimals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnimalsIdentified().Match(text) is { Success: true } m && !PersonsIdentifiedBeside().IsMatch(text) ? m.Value : null;
    }

    [GeneratedRegex(@"\b(recogni[sz]\w*|identif\w*|re-?identif\w*|tell\w* apart|distinguish\w*|match\w*|track\w*)\s+(the\s+|each\s+|every\s+|individual\s+|single\s+|separate\s+|known\s+)*([\w-]+\s+)?(" + AnimalWords + @")\b(?!['’]?s?\s+(owners?|keepers?|lovers?|sitters?|walkers?|breeders?|farmers?|handlers?|trainers?|groomers?|riders?|minders?|fanciers?|people|customers?|clients?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnimalsIdentified();

    [GeneratedRegex(@"\b(and|or|as well as|with) (their |the |its )?(owners?|keepers?|handlers?|riders?|walkers?|breeders?|farmers?|people|persons?|visitors?|customers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonsIdentifiedBeside();

    /// <summary>The seeds of one element pattern; <paramref name="vocabulary"/> completes stems (lower-case words).</summary>
    public static IReadOnlyList<string> FromPattern(string pattern, IReadOnlyCollection<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var seeds = new List<string>();
        var element = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        foreach (var alternative in TopLevelAlternatives(Unwrap(pattern)))
        {
            var stem = alternative.EndsWith(@"\w*", StringComparison.Ordinal) || alternative.EndsWith(@"\w+", StringComparison.Ordinal);
            var plain = OptionalGroup().Replace(alternative.Replace(@"\w*", "", StringComparison.Ordinal).Replace(@"\w+", "", StringComparison.Ordinal), "");
            plain = plain.Replace("[- ]", " ", StringComparison.Ordinal).Replace("-?", "", StringComparison.Ordinal)
                .Replace(@"\s+", " ", StringComparison.Ordinal).Replace(@"\s", " ", StringComparison.Ordinal);
            plain = OptionalLetter().Replace(plain, "$1");
            plain = Spaces().Replace(plain, " ").Trim().ToLowerInvariant();
            if (plain.Length < 4 || StopWords.Contains(plain) || Syntax().IsMatch(plain))
            {
                continue;
            }

            if (stem && !vocabulary.Contains(plain))
            {
                var completed = vocabulary.Where(w => w.StartsWith(plain, StringComparison.Ordinal)).OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).FirstOrDefault();
                if (completed is null && plain.Length < 6)
                {
                    continue;
                }

                plain = completed ?? plain;
            }

            // A seed must itself be an instance of its element: "public" cut from "in public" is not (it would make
            // "public assistance" social behaviour), so such a cut is dropped.
            if (!element.IsMatch(plain))
            {
                continue;
            }

            if (!seeds.Contains(plain, StringComparer.Ordinal))
            {
                seeds.Add(plain);
            }
        }

        return seeds;
    }

    /// <summary>
    /// Seeds of every legal element of every rule that has elements and exemplars: rule id, then per alternative, per
    /// element, its seeds. Stems are completed from the words of the catalogue's exemplars. Computed once per catalogue
    /// (a scan asks for them twice, for the spelling vocabulary and the seed vectors, and each time built a regex per
    /// element: ~7 % of a warm Native AOT tiny scan).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>> ForCatalogue(RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Computed.GetValue(catalogue, c => new(() => Compute(c))).Value;
    }

    private static readonly ConditionalWeakTable<RuleCatalogue, Lazy<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>>>> Computed = new();

    private static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>> Compute(RuleCatalogue catalogue)
    {
        var vocabulary = Vocabulary(catalogue.Rules.SelectMany(r => r.Definition.Exemplars).Concat(catalogue.Semantic.MinimalExemplars));
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>>>(StringComparer.Ordinal);
        foreach (var rule in catalogue.Rules.Where(r => r.Definition.Elements.Count > 0 && r.Definition.Exemplars.Count > 0))
        {
            var defined = rule.Definition.DefinitionSeeds;
            result[rule.Definition.Id] = [.. rule.Definition.Elements.Select((a, ai) => (IReadOnlyList<IReadOnlyList<string>>)[.. a.Select((e, ei) =>
            {
                // Round 26: the words of the element's legal definition, read by meaning only, beside the pattern's.
                var seeds = FromPattern(e, vocabulary);
                return ai < defined.Count && ei < defined[ai].Count
                    ? (IReadOnlyList<string>)[.. seeds.Concat(defined[ai][ei].Select(d => d.ToLowerInvariant())).Distinct(StringComparer.Ordinal)]
                    : seeds;
            })])];
        }

        return result;
    }

    /// <summary>The lower-case words of <paramref name="texts"/> (for completing stems).</summary>
    public static HashSet<string> Vocabulary(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => Words(t)).Select(w => w.ToLowerInvariant())];

    /// <summary>
    /// The units of a task text compared with the seeds: each content word (three letters or more, not a function word)
    /// and each pair of adjacent content words, lower-case, distinct.
    /// </summary>
    public static IReadOnlyList<string> Units(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = new List<string>();
        string? previous = null;
        var words = Words(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();

            // Round 31 (lead): "work out" (and "works/worked/working out") is to calculate, not work: read alone, its "work"
            // stood for the workplace element of Art. 5(1)(f) ('work' ~ 'workplace' 0.64) in "Work out from their voices
            // which callers are upset".
            if (word.Length < 3 || StopWords.Contains(word)
                || (word is "work" or "works" or "worked" or "working" && i + 1 < words.Count && string.Equals(words[i + 1], "out", StringComparison.OrdinalIgnoreCase)))
            {
                previous = null;
                continue;
            }

            if (!units.Contains(word, StringComparer.Ordinal))
            {
                units.Add(word);
            }

            if (previous is not null && !units.Contains(previous + " " + word, StringComparer.Ordinal))
            {
                units.Add(previous + " " + word);
            }

            previous = word;
        }

        return units;
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    private static string Unwrap(string pattern)
    {
        var p = pattern.Trim();
        if (p.StartsWith(@"\b(", StringComparison.Ordinal) && p.EndsWith(@")\b", StringComparison.Ordinal) && IsOneGroup(p[2..^2]))
        {
            return p[3..^3];
        }

        return p.StartsWith(@"\b", StringComparison.Ordinal) && p.EndsWith(@"\b", StringComparison.Ordinal) ? p[2..^2] : p;
    }

    /// <summary>Whether <paramref name="group"/> ("(...)") is one group from its first to its last character.</summary>
    private static bool IsOneGroup(string group)
    {
        var depth = 0;
        for (var i = 0; i < group.Length; i++)
        {
            if (group[i] == '\\')
            {
                i++;
                continue;
            }

            depth += group[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0 && i < group.Length - 1)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static List<string> TopLevelAlternatives(string pattern)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                current.Append(c).Append(pattern[++i]);
                continue;
            }

            depth += c switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (c == '|' && depth == 0)
            {
                result.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        result.Add(current.ToString());
        return result;
    }

    [GeneratedRegex(@"\((\?:)?[^()]*\)\?|\[[^\]]*\]\?")]
    private static partial Regex OptionalGroup();

    [GeneratedRegex(@"(\p{L})\?")]
    private static partial Regex OptionalLetter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\\()\[\]{}|*+?.^$]")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex Word();
}

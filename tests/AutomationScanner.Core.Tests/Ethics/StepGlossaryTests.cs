using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 14 (12g): step names written in the main EU languages are read in English through <see cref="StepGlossary"/>
/// before the rules and the sentence model see them, and the finding shows the reading. The names here are written for
/// these tests from the languages (codes and plain, inflected and compound), not taken from any evaluation case.
/// </summary>
public sealed class StepGlossaryTests
{
    [Theory]
    // Dutch
    [InlineData("W_Beoordelen fraude", "assessment fraud")]
    [InlineData("PrestatieBeoordeling", "performance assessment")]
    [InlineData("Aanvraag afwijzen", "application reject")]
    // German
    [InlineData("Antrag ablehnen", "application reject")]
    [InlineData("GESICHTSERKENNUNG_KAMERA", "face recognition camera")]
    // French
    [InlineData("Prédiction du risque de récidive", "prediction risk reoffending")]
    [InlineData("Refus_de_la_demande", "reject application")]
    // Italian
    [InlineData("Valutazione domanda di prestito", "assessment application loan")]
    // Spanish
    [InlineData("Decisión solicitud de crédito", "decision application credit")]
    // Portuguese
    [InlineData("Avaliação de desempenho do funcionário", "assessment performance employee")]
    // Polish
    [InlineData("Ocena wniosku kredytowego", "assessment application credit")]
    // Czech
    [InlineData("Rozhodnutí o úvěru", "decision credit")]
    // Swedish
    [InlineData("Bedömning av kreditansökan", "assessment credit application")]
    // Danish
    [InlineData("Afgørelse om kontanthjælp", "decision social assistance")]
    // Finnish
    [InlineData("HAKEMUS_PAATOS", "application decision")]
    [InlineData("hakemuksen arviointi", "application assessment")]
    // Hungarian
    [InlineData("Hitelkérelem elbírálása", "credit application assessment")]
    // Romanian
    [InlineData("Evaluarea cererii de credit", "assessment application credit")]
    // Greek, in Greek script and transliterated
    [InlineData("Αξιολόγηση αίτησης δανείου", "assessment application loan")]
    [InlineData("axiologisi_aitisis_daneiou", "assessment application loan")]
    public void Normalise_ReadsAStepNameInAnEuLanguageInEnglish(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    [Theory]
    [InlineData("Kreditentscheidung", "credit decision")]
    [InlineData("Leistungsbeurteilung", "performance assessment")]
    [InlineData("Kredietaanvraag", "credit application")]
    [InlineData("Luottopäätös", "credit decision")]
    [InlineData("ansiktsigenkänning", "face recognition")]
    [InlineData("Kundenchat", "customer chat")]
    public void ReadWordAsEnglish_SplitsClosedCompoundsIntoGlossaryStems(string word, string expected) =>
        Assert.Equal(expected, StepGlossary.ReadWordAsEnglish(word));

    [Theory]
    [InlineData("päätöksestä", "decision")] // Finnish elative
    [InlineData("hakemuksen", "application")] // Finnish genitive
    [InlineData("kérelmének", "application")] // Hungarian dative
    [InlineData("wniosków", "application")] // Polish genitive plural
    [InlineData("žádostí", "application")] // Czech
    [InlineData("domande", "application")] // Italian plural
    [InlineData("solicitudes", "application")] // Spanish plural
    [InlineData("Bewerbungen", "application")] // German plural
    public void ReadWordAsEnglish_ReadsInflectedForms(string word, string expected) =>
        Assert.Equal(expected, StepGlossary.ReadWordAsEnglish(word));

    /// <summary>
    /// Round 16: the nine other official EU languages (Slovak, Slovenian, Croatian, Lithuanian, Latvian, Estonian, Bulgarian in
    /// Cyrillic and Latin transliteration, Irish, Maltese), as codes without diacritics and as written.
    /// </summary>
    [Theory]
    [InlineData("Posúdenie žiadosti o úver", "assessment application credit")] // Slovak
    [InlineData("ZAMIETNUTIE_ZIADOSTI", "reject application")]
    [InlineData("Odločitev o vlogi za kredit", "decision application credit")] // Slovenian
    [InlineData("Ocenjevanje uspešnosti zaposlenih", "assessment performance employee")]
    [InlineData("Odluka o zahtjevu za kredit", "decision application credit")] // Croatian
    [InlineData("ODBIJANJE_ZAHTJEVA", "reject application")]
    [InlineData("PARAISKOS_SPRENDIMAS", "application decision")] // Lithuanian
    [InlineData("Kredito paraiškos vertinimas", "credit application assessment")]
    [InlineData("Kredīta pieteikuma izvērtēšana", "credit application assessment")] // Latvian
    [InlineData("Pabalsta pieteikuma noraidīšana", "benefit application reject")]
    [InlineData("Laenutaotluse otsus", "loan application decision")] // Estonian
    [InlineData("Töötaja tulemuslikkuse hindamine", "employee performance assessment")]
    [InlineData("Оценка на кредитно заявление", "assessment credit application")] // Bulgarian, Cyrillic and transliterated
    [InlineData("otsenka_na_kreditno_zayavlenie", "assessment credit application")]
    [InlineData("Measúnú iarratais iasachta", "assessment application loan")] // Irish
    [InlineData("Evalwazzjoni tal-applikazzjoni għall-kreditu", "assessment application credit")] // Maltese
    public void Normalise_ReadsAStepNameInTheRound16LanguagesInEnglish(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    [Theory]
    [InlineData("sprendimo", "decision")] // Lithuanian genitive
    [InlineData("pieteikumu", "application")] // Latvian accusative
    [InlineData("taotluse", "application")] // Estonian genitive
    [InlineData("žiadosti", "application")] // Slovak
    [InlineData("vlogo", "application")] // Slovenian accusative
    [InlineData("zahtjeva", "application")] // Croatian genitive
    [InlineData("заявлението", "application")] // Bulgarian, definite
    [InlineData("applikazzjonijiet", "application")] // Maltese plural
    [InlineData("Krediidiotsus", "credit decision")] // Estonian compound
    [InlineData("kredītspēja", "creditworthiness")] // Latvian
    [InlineData("posudzovanie", "assessment")] // Slovak
    [InlineData("ĦADDIEMA", "employee")] // Maltese ħ folded
    public void ReadWordAsEnglish_ReadsRound16InflectionsAndCompounds(string word, string expected) =>
        Assert.Equal(expected, StepGlossary.ReadWordAsEnglish(word));

    /// <summary>
    /// A word of a round-16 language is read, and a word of another language that begins alike is not read as it: Czech "škola"
    /// (school) is not Lithuanian debt, Polish "zajmowanie" (occupying) not a Croatian loan, Lithuanian "rinkimas" (collecting)
    /// and Croatian "izbor" (choice) not an election, Irish "tuarascáil" (report) not a prediction, Croatian "vjerojatno"
    /// (probably) not religion, Latvian "veidlapa" (form) not a face, Dutch "glas" and "haal" not a voice, Spanish "primera"
    /// not a case, Czech "klíčové" (key) not a call, Slovenian "dolgoročni" (long-term) not debt, Hungarian "díjak" (fees)
    /// still a premium, Portuguese "prover" (provide) not a check, Estonian "nagu" (like) and Portuguese "não" not a face.
    /// </summary>
    [Theory]
    [InlineData("skolos", "debt", "škola")]
    [InlineData("zajma", "loan", "zajmowanie")]
    [InlineData("rinkimai", "election", "rinkimas")]
    [InlineData("izbori", "election", "izbor")]
    [InlineData("tuar", "prediction", "tuarascáil")]
    [InlineData("religija", "religion", "vjerojatno")]
    [InlineData("sejas", "face", "veidlapa")]
    [InlineData("glasu", "voice", "glas")]
    [InlineData("hääle", "voice", "haal")]
    [InlineData("zadeva", "case", "primera")]
    [InlineData("klicev", "call", "klíčové")]
    [InlineData("dolgovi", "debt", "dolgoročni")]
    [InlineData("dijaki", "student", "díjak")]
    [InlineData("proverka", "check", "prover")]
    [InlineData("лица", "face", "nagu")]
    [InlineData("litse", "face", "não")]
    public void ReadWordAsEnglish_ReadsARound16WordButNotItsLookAlikeInAnotherLanguage(string word, string expected, string lookAlike)
    {
        Assert.Equal(expected, StepGlossary.ReadWordAsEnglish(word));
        Assert.NotEqual(expected, StepGlossary.ReadWordAsEnglish(lookAlike));
    }

    /// <summary>
    /// Round 18: the ordinary vocabulary of case work (allocation, update, outcome, show, housing, tenant, member, fine,
    /// claim, complaint, suspend) in the languages the glossary read thinly, closed compounds of it, German written
    /// without umlauts, and Irish "meas" (assess).
    /// </summary>
    [Theory]
    [InlineData("Schichtzuteilung", "shift allocation")] // German compound
    [InlineData("Mieterbeschwerde", "tenant complaint")]
    [InlineData("Antragspruefung", "application check")] // German without umlauts
    [InlineData("Pruefergebnis", "check outcome")]
    [InlineData("LAKASKIOSZTAS", "housing allocation")] // Hungarian compound, without accents
    [InlineData("Panasz elbírálása", "complaint assessment")]
    [InlineData("Jäsenmaksun päivitys", "member payment update")] // Finnish
    [InlineData("Vuokralaisen valitus", "tenant complaint")]
    [InlineData("Meas iarratais", "assessment application")] // Irish
    [InlineData("Aġġornament tal-membru", "update member")] // Maltese
    [InlineData("Alocare_locuinta", "allocation housing")] // Romanian, without diacritics
    [InlineData("Разпределение на жилища", "allocation housing")] // Bulgarian, Cyrillic and transliterated
    [InlineData("razpredelenie_na_zhilishta", "allocation housing")]
    [InlineData("Ενημέρωση αποτελέσματος", "update outcome")] // Greek, script and transliterated
    [InlineData("enimerosi_apotelesmatos", "update outcome")]
    [InlineData("Pozastavenie dávky", "suspend benefit")] // Slovak
    [InlineData("Pritožba najemnika", "complaint tenant")] // Slovenian
    [InlineData("Īrnieka sūdzība", "tenant complaint")] // Latvian
    [InlineData("Nuomininko skundas", "tenant complaint")] // Lithuanian
    [InlineData("Kõnede analüüs", "call analysis")] // Estonian plural genitive
    [InlineData("Prigovor stanara", "complaint tenant")] // Croatian
    [InlineData("Kalkulacja grzywny", "calculate fine")] // Polish
    [InlineData("Pokuta za přestupek", "fine offence")] // Czech
    [InlineData("Toewijzing woning", "allocation housing")] // Dutch
    [InlineData("Esito del reclamo", "outcome complaint")] // Italian
    [InlineData("Mostrar oferta", "show offer")] // Spanish
    [InlineData("Atualizar sinistro", "update claim")] // Portuguese
    [InlineData("Affichage de l'offre", "show offer")] // French
    [InlineData("Avstängning av medlem", "suspend member")] // Swedish
    [InlineData("Opdatering af medlem", "update member")] // Danish
    public void Normalise_ReadsRound18CaseWorkVocabulary(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    /// <summary>Round 18's stems are not read into English words they begin or spell ("bode", "clan", "bust", "adherent").</summary>
    [Theory]
    [InlineData("bode")]
    [InlineData("bodega")]
    [InlineData("clan")]
    [InlineData("bust")]
    [InlineData("affectation")]
    [InlineData("adherent")]
    [InlineData("issue")]
    [InlineData("queue")]
    [InlineData("continued")]
    [InlineData("interview")]
    public void ReadWordAsEnglish_LeavesRound18LookAlikesUnread(string word)
    {
        var reading = StepGlossary.ReadWordAsEnglish(word);

        Assert.True(reading is null || reading == word, $"'{word}' read as '{reading}'");
    }

    /// <summary>
    /// Round 19: Czech and Slovak "personál" (staff) is read in its own inflections only (its bare form folds to the English
    /// "personal", never read), not as the start of any longer word: Romanian "personalizată" and Spanish "personalizado" (personalised) are not staff, so "oferta personalizată"
    /// is no offer made to staff.
    /// </summary>
    [Theory]
    [InlineData("personalizata")]
    [InlineData("personalizado")]
    [InlineData("personalizace")]
    public void ReadWordAsEnglish_LeavesPersonalisedUnread(string word)
    {
        var reading = StepGlossary.ReadWordAsEnglish(word);

        Assert.True(reading is null || reading == word, $"'{word}' read as '{reading}'");
    }

    [Theory]
    [InlineData("personálu", "staff")] // Czech, Slovak genitive
    [InlineData("personálem", "staff")] // Czech instrumental
    [InlineData("personálom", "staff")] // Slovak instrumental
    public void ReadWordAsEnglish_ReadsStaffInItsInflections(string word, string expected) =>
        Assert.Equal(expected, StepGlossary.ReadWordAsEnglish(word));

    /// <summary>Dutch "door" (through), Italian "male" (bad), Romanian "care" (which) and the like are English words: never read.</summary>
    [Theory]
    [InlineData("door")]
    [InlineData("male")]
    [InlineData("care")]
    [InlineData("stem")]
    [InlineData("note")]
    [InlineData("fall")]
    [InlineData("client")]
    [InlineData("personal")]
    [InlineData("dossier")]
    [InlineData("decide")]
    [InlineData("salute")]
    [InlineData("evaluate")]
    public void ReadWordAsEnglish_LeavesFalseFriendsUnread(string word)
    {
        var reading = StepGlossary.ReadWordAsEnglish(word);

        Assert.True(reading is null || reading == word, $"'{word}' read as '{reading}'");
    }

    /// <summary>BPIC 2012's work items, named in Dutch.</summary>
    private static readonly HashSet<string> DutchWorkItems =
    [
        "W_Afhandelen leads", "W_Beoordelen fraude", "W_Completeren aanvraag", "W_Nabellen incomplete dossiers", "W_Nabellen offertes",
        "W_Valideren aanvraag", "W_Wijzigen contractgegevens",
    ];

    /// <summary>
    /// No word of the English texts the product sees (activity names of the shipped logs and samples, the catalogue's
    /// exemplars, titles and domain texts) is read as another word by the glossary's content entries; a cognate read in
    /// its English form ("approver" as approve) is the same word, and makes no name foreign.
    /// </summary>
    [Fact]
    public void Glossary_ReadsNoWordOfTheProductsEnglishTextsAsAnotherWord()
    {
        var catalogue = RuleCatalogue.Default;
        var texts = ShippedActivityNames().Where(n => !DutchWorkItems.Contains(n))
            .Concat(catalogue.Rules.SelectMany(r => r.Definition.Exemplars.Append(r.Definition.Title)))
            .Concat(catalogue.Domains.SelectMany(d => d.Definition.Exemplars.Append(d.Definition.Phrase ?? "")))
            .Concat(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "samples", "helpdesk-ticket-handling-sop.md")));
        var words = texts.SelectMany(t => t.Split([' ', '_', '-', '/', '(', ')', ',', '.', ':', ';', '"', '\'', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.All(char.IsLetter))
            .Select(w => w.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);

        var misread = words
            .Select(w => (Word: w, Reading: StepGlossary.ReadWordAsEnglish(w)))
            .Where(r => r.Reading is { Length: > 0 } && r.Reading != StepGlossary.Fold(r.Word) && !StepGlossary.IsCognate(StepGlossary.Fold(r.Word), r.Reading))
            .Select(r => $"{r.Word} -> {r.Reading}")
            .ToList();

        Assert.True(misread.Count == 0, string.Join("; ", misread));
    }

    /// <summary>
    /// Every English activity name of the shipped logs reads as it did before the glossary (Normalise is unchanged where
    /// the glossary does not read the name); only BPIC 2012's Dutch work items are read.
    /// </summary>
    [Fact]
    public void ShippedLogs_OnlyTheDutchStepsOfBpic2012AreRead()
    {
        var read = ShippedActivityNames()
            .Where(n => TaskText.GlossaryReadingOf(n) is not null)
            .Order(StringComparer.Ordinal)
            .Select(n => $"{n} -> {TaskText.Normalise(n)}")
            .ToList();

        Assert.Equal(
            [
                "W_Beoordelen fraude -> assessment fraud",
                "W_Completeren aanvraag -> complete application",
                "W_Nabellen offertes -> call offer",
                "W_Valideren aanvraag -> validate application",
                "W_Wijzigen contractgegevens -> change contract data",
            ],
            read);
    }

    [Theory]
    [InlineData("Check application and send rejection letter")]
    [InlineData("Sent door to door")]
    [InlineData("Send Fine")]
    [InlineData("Release A")]
    [InlineData("A_PARTLYSUBMITTED")]
    [InlineData("W_Afhandelen leads")]
    public void Normalise_LeavesNamesThatAreNotMostlyForeignAsTheyWere(string name) =>
        Assert.Null(TaskText.GlossaryReadingOf(name));

    /// <summary>A Finnish "application decision" code in a lending process is its decision step: Annex III 5(b) and Art. 22, with the reading shown.</summary>
    [Fact]
    public void ForeignApplicationDecision_InALendingProcess_InheritsAnnexIII5b_WithTheReadingShown()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "HAKEMUS_PAATOS", "consumer loan applications of private customers at a retail bank");

        Assert.Equal(RiskTier.High, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);
        Assert.Contains("'HAKEMUS_PAATOS' read as 'application decision' (Finnish step glossary)", hit.Evidence.Excerpt + " " + hit.Evidence.Location, StringComparison.Ordinal);
        Assert.Contains(assessment.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
    }

    /// <summary>A Lithuanian "application decision" code in a lending process inherits Annex III 5(b), as the Finnish one does.</summary>
    [Fact]
    public void LithuanianApplicationDecision_InALendingProcess_InheritsAnnexIII5b_WithTheReadingShown()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "PARAISKOS_SPRENDIMAS", "consumer loan applications of private customers at a retail bank");

        Assert.Equal(RiskTier.High, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);
        Assert.Contains("'PARAISKOS_SPRENDIMAS' read as 'application decision' (Lithuanian step glossary)", hit.Evidence.Excerpt + " " + hit.Evidence.Location, StringComparison.Ordinal);
    }

    /// <summary>A Bulgarian (Cyrillic) emotion-recognition step on employees is read and screened as the Art. 5(1)(f) practice.</summary>
    [Fact]
    public void BulgarianEmotionRecognitionOfEmployees_IsProhibited()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "Разпознаване на емоции на служителите чрез камера", null);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "P1-emotion-recognition" && h.Applied);
        Assert.Contains("Bulgarian step glossary", hit.Evidence.Location, StringComparison.Ordinal);
    }

    /// <summary>A Dutch step that predicts reoffending from personality is the Art. 5(1)(d) practice, as its English reading is.</summary>
    [Fact]
    public void ForeignCrimePredictionFromPersonality_IsProhibited()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "Voorspellen recidiverisico op basis van persoonlijkheid", null);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "P5a-crime-prediction-by-profiling" && h.Applied);
        Assert.Contains("Dutch step glossary", hit.Evidence.Location, StringComparison.Ordinal);
    }

    /// <summary>A German customer chat is a customer-facing interaction (Art. 50): Limited, with the reading shown.</summary>
    [Fact]
    public void ForeignCustomerChat_IsCustomerFacing()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "Kundenchat beantworten", null);

        Assert.Equal(RiskTier.Limited, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "C1-customer-facing" && h.Applied);
        Assert.Contains("read as 'customer chat answer'", hit.Evidence.Location, StringComparison.Ordinal);
    }

    /// <summary>A Polish emotion-recognition step on employees is read and screened as the Art. 5(1)(f) practice.</summary>
    [Fact]
    public void ForeignEmotionRecognitionOfEmployees_IsProhibited()
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, "Rozpoznawanie emocji pracowników z kamery", null);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.RuleId == "P1-emotion-recognition" && h.Applied);
    }

    /// <summary>Foreign steps that only register or send stay Minimal outside a process: reading them adds no finding.</summary>
    [Theory]
    [InlineData("Registreren aanvraag")]
    [InlineData("Verzenden offerte")]
    [InlineData("Rekisteröi hakemus")]
    [InlineData("Envoyer la facture")]
    public void ForeignRecordKeepingOrSendingStep_StaysMinimal(string name)
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, name, null);

        Assert.NotNull(TaskText.GlossaryReadingOf(name));
        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    private static IEnumerable<string> ShippedActivityNames() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "glossary", "shipped-activity-names.txt")).Where(l => l.Length > 0);
}

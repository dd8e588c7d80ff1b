using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

public sealed partial class RiskScreen
{
    /// <summary>Round 33: the rules whose finding by meaning, vote or inheritance must find the object of their use in the words.</summary>
    internal const string CriticalInfrastructureRule = "H5b-critical-infrastructure";

    internal const string EmergencyTriageRule = "H4d-emergency-triage";

    /// <summary>Round 39: the practice of Art. 5(1)(e), whose object is facial images.</summary>
    internal const string UntargetedFaceScrapingRule = "P5b-untargeted-facial-scraping";

    /// <summary>Round 33: whether <see cref="HoldBackUsesWithoutTheirObject"/> runs (on by default; off to measure what it does).</summary>
    public bool AnnexObjectHoldsBack { get; init; } = true;

    /// <summary>
    /// Round 33 (issue 12): Annex III 2 and 5(d) read as legal elements. Annex III 2 is a safety component in the
    /// management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating
    /// or electricity: its object is infrastructure that serves others (a grid, mains, a supply network, public roads,
    /// a dam), and the system acts on its operation (controls, switches, shuts off). A farm's, shop's or pool's own
    /// valves, pumps and heaters, and a utility's letters, chats and meter reports, are not that. Annex III 5(d)
    /// concerns emergency calls by natural persons, the dispatch of emergency first response services, and emergency
    /// patient triage: its object is a person in an emergency or the emergency services; orders, animals, goods,
    /// ships, linen or tickets sorted by urgency are not that. A finding of either rule reached without its own
    /// pattern (by meaning, by the labelled cases' vote or learned signal, by the domain) stays only where the task's
    /// words or its process's description state the object (for Annex III 2 also the act on its operation, the
    /// rule's own act element); otherwise it is recorded, not applied, with a note. Round 39: Art. 5(1)(e) read the same
    /// way: its object is facial images (untargeted scraping "of facial images from the internet or CCTV footage" to build
    /// a facial recognition database); a finding without its own pattern stays only where the words name a face or a
    /// person's picture (<see cref="NamesAFacialImage"/>): photographs of ski bases or a webcam on a stork's nest are not that.
    /// </summary>
    private List<RiskHit> HoldBackUsesWithoutTheirObject(List<RiskHit> hits, TaskCandidate candidate, HashSet<string> byPattern, string? description)
    {
        if (!hits.Any(h => IsAnnexObjectRuleWithoutPattern(h, byPattern)))
        {
            return hits;
        }

        var texts = OwnTextsAndDescription(candidate, description);

        return [.. hits.Select(h =>
        {
            if (!IsAnnexObjectRuleWithoutPattern(h, byPattern) || Catalogue.Rule(h.RuleId) is not { } rule)
            {
                return h;
            }

            if (h.RuleId == CriticalInfrastructureRule)
            {
                var served = texts.Any(t => ServedInfrastructure().IsMatch(t));
                var acted = texts.Any(t => OperatesInfrastructure().IsMatch(t) || (rule.Definition.Elements.Count > 0 && rule.Definition.Elements[0].Count > 1 && rule.HasElement(0, 1, t)));
                return served && acted ? h : h with
                {
                    Applied = false,
                    Note = served
                        ? $"{h.Clause}: read without its own pattern, and the words state no act on the operation of the infrastructure (control, switching, shutting off): reporting, letters or customer contact about a utility are not a safety component of its management or operation."
                        : $"{h.Clause}: read without its own pattern, and the words name no infrastructure that serves others (a grid, mains, a supply network, public roads, a dam): an installation's own valves, pumps or heaters are not critical infrastructure.",
                };
            }

            if (h.RuleId == UntargetedFaceScrapingRule)
            {
                return texts.Any(NamesAFacialImage) ? h : h with
                {
                    Applied = false,
                    Note = $"{h.Clause}: read without its own pattern, and the words name no facial image (a face, a portrait, photographs of people, face recognition): pictures of goods, animals or places are not facial images.",
                };
            }

            return texts.Any(t => PersonInAnEmergency().IsMatch(t)) && !texts.Any(t => SupportTickets().IsMatch(t)) ? h : h with
            {
                Applied = false,
                Note = $"{h.Clause}: read without its own pattern, and the words name no person in an emergency, no emergency call by a person and no emergency service: sorting orders, animals, goods, tickets or rotas by urgency is not emergency triage.",
            };
        })];
    }

    private static bool IsAnnexObjectRuleWithoutPattern(RiskHit hit, HashSet<string> byPattern) =>
        hit.Applied && hit.RuleId is CriticalInfrastructureRule or EmergencyTriageRule or UntargetedFaceScrapingRule && !byPattern.Contains(hit.RuleId)
        && (hit.Evidence.Similarity is not null || hit.Evidence.Scope is EvidenceScope.LabelledCases or EvidenceScope.ProcessContext);

    /// <summary>Infrastructure that serves others (Annex III 2; CER Directive 2022/2557, NIS2): a network, a supply, public roads and their works.</summary>
    [GeneratedRegex(@"\b((micro|mini|smart)?grids?|mains|networks?|supply|supplies|utilit(y|ies)|district heat\w*|heat(ing)? networks?|substations?|power (stations?|plants?|lines?|cuts?)|electricity|blackouts?|outages?|voltage|load[- ]?shedding|shed\w* (the )?load|peak (demand|load)|pipelines?|transmission|distribution|critical (digital )?infrastructure|data cent(re|er)s?|drinking[- ]?water|tap[- ]?water|water (treatment|works)|waterworks|treatment (plants?|works)|sewage|sewers?|wastewater|pumping stations?|reservoirs?|dams?|sluices?|flood ?gates?|locks|roads?|traffic|motorways?|highways?|streets?|junctions?|intersections?|tunnels?|bridges?|(river|road|bridge|motorway|railway) spans?|carriageways?|ring[- ]roads?|overhead (signs?|gantr\w*)|gantr(y|ies)|speed limits?|railways?|level crossings?|signals?|levees?|dykes?|dikes?|flood (defen\w*|barriers?|walls?)|households?|homes|towns?|city|cities|villages?|regions?|regional|municipal\w*|public|national)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServedInfrastructure();

    /// <summary>An act on the operation of the infrastructure besides the rule's own act element: setting, dosing, timing, cutting, deciding.</summary>
    [GeneratedRegex(@"\b(set|sets|setting|dos\w*|tim(e[ds]?|ing)|decid\w*|drop\w*|cuts?|cutting|pressure|flows?|phases?|sheds?|barriers?|fans?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OperatesInfrastructure();

    /// <summary>
    /// Round 39: whether <paramref name="text"/> names a facial image or a picture of a person (Art. 5(1)(e)): a face
    /// word that is no thing's face (<see cref="ElementSeeds.NamesAFaceWord"/>: not a clock face, a cliff face, "the faces
    /// of cartoon characters" or "face value"; round 40), or <see cref="PicturesOfPeople"/>.
    /// </summary>
    private static bool NamesAFacialImage(string text) => ElementSeeds.NamesAFaceWord(text) || PicturesOfPeople().IsMatch(text);

    /// <summary>
    /// Round 39: a picture of a person besides the word face: faceprints and face templates, a portrait, a profile or
    /// passport picture, photographs or footage of people, people's pictures, face or facial recognition or
    /// identification, biometric data, identifying persons.
    /// </summary>
    [GeneratedRegex(@"\b(face-?(prints?|templates?|scans?|data)|portraits?|(passport|profile|id|identity) (pic\w*|photo\w*|images?)|biometric\w*|(recogni[sz]\w*|identif\w*) (\w+ ){0,2}(people|persons?|individuals?|anyone|everyone|strangers|them|who)|(recognition|identification) (database|service|software|system|engine|tool|app)s?|(photo\w*|pictures?|images?|footage|videos?|snapshots?|stills?|shots?) of (\w+ ){0,2}(people|persons?|individuals?|users?|members?|anyone|everyone|everybody|visitors?|customers?|guests?|passers-?by|pedestrians|strangers|the public|crowds?|children|men|women|citizens|residents|travell?ers|passengers|students|pupils|employees|staff|workers|patients)|(people|persons|individuals|users|members|everyone|anyone|everybody)(['’]s|s['’]|['’])? (own )?(photo\w*|pictures?|images?|selfies?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PicturesOfPeople();

    /// <summary>
    /// Round 47: IT, support or repair tickets and requests: what is put in order is a ticket about equipment, even when an
    /// emergency service raised it ("the IT support tickets from the fire brigade's stations").
    /// </summary>
    [GeneratedRegex(@"\b((?-i:IT)|ict|tech(nical)?|support|help ?desk|service ?desk|repair|maintenance|facilit(y|ies)|printer|computer|software|network|hardware|equipment)[- ](support )?(tickets?|requests?|jobs?|issues?|incidents?|faults?|orders?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportTickets();

    /// <summary>A person in an emergency, an emergency call by a person, or the emergency services (Annex III 5(d)); round 46: emergency dispatch or response, not of parts or goods.</summary>
    [GeneratedRegex(@"\b(emergency[- ]?(calls?|callers?|lines?|numbers?|services?|medical|medicine|patients?|care|departments?|rooms?|wards?|units?|responders?|crews?|(dispatch\w*|response)(?! of (\w+ ){0,2}(parts|spares|goods|orders|stock|supplies|equipment|pumps|machines)))|112|911|999|(incoming|distress|help|rescue|flood|fire|alarm) calls?|alarms?|callouts?|callers?|patients?|casualt\w*|victims?|the (injured|wounded|sick)|(injured|wounded|sick|ill|hurt|trapped|missing|stranded|drowning|lost|unconscious) (\w+ ){0,2}(people|persons?|hikers?|climbers?|swimmers?|walkers?|skiers?|riders?|cyclists?|runners?|players?|athletes?|guests?|visitors?|tourists?|spectators?|fans|pupils?|students?|sailors?|passengers?|drivers?|children|child|residents?|workers?|man|woman|men|women)|people|persons?|ambulances?|police|fire[- ]?(brigade|service|department|engines?|crews?|fighters?)|(fire|police|ambulance|rescue) (control|dispatch)( rooms?| cent(re|er)s?)?|firefighters?|paramedic\w*|first respon\w*|first[- ]aid|urgent care|\w{0,12}rescue\w*|coast ?guard|lifeboats?|distress|mayday|a&e|accident and emergency|out-of-hours|(medical|health|doctors?'?|poison|crisis|suicide) (help ?lines?|control)|a doctor|medical (aid|help|attention))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonInAnEmergency();
}

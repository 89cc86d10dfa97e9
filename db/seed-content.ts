// The demo workspace, restated from the seed article (shared/product/seed-article.txt).
// Every statement here is in the article; where it gives no date or says nothing, the case says so and the
// value stays unknown. Locators are lines of the project's copy of the article ("l. 33"), as in DOMAIN.md.

export const ARTICLE_SOURCE = {
  key: "article",
  csl: {
    type: "article-newspaper",
    title: "Opinion piece on dialogue with jihadist armed groups in the Sahel (seed article)",
    note: "Title, author, outlet and date are not given in the copy held by the project. Locators (“l. 33”) are line numbers of that copy, blank lines included.",
    language: "en",
    custom: { reliability: "unknown", confidentiality: "public" },
  },
};

export type CodeSeed = {
  key: string;
  kind: "precondition" | "outcome";
  label: string;
  /** The label in the other interface language (faithful translations, no new facts). */
  labelTranslations: { fr?: string; en?: string };
  /** CSV column and formula name (DOMAIN.md's codebook). */
  shortName: string;
  /** The definition. */
  description: string;
  /** The description in the other interface language (faithful translations, no new facts). */
  descriptionTranslations: { fr?: string; en?: string };
  whenPresent: string;
  whenAbsent: string;
  /** Where in the article the code comes from, and how to tell it from its neighbours. */
  notes: string;
  color: string;
  parent?: string;
  /** A tagged passage of a demo case that shows the code: the case's key and the passage's exact text. */
  example?: { caseKey: string; text: string };
};

export const STARTER_CODES: CodeSeed[] = [
  {
    key: "distanced",
    kind: "precondition",
    label: "Armed group distanced from its transnational patron",
    labelTranslations: { fr: "Groupe armé ayant pris ses distances avec son parrain transnational" },
    shortName: "DISTANCED",
    description: "The armed group in the talks has put distance between itself and a transnational network.",
    descriptionTranslations: {
      fr: "Le groupe armé en discussion a pris ses distances avec un réseau transnational.",
    },
    whenPresent:
      "A source says the group had distanced itself from its transnational patron when the talks were sought or held.",
    whenAbsent:
      "A source says the group had not (yet) distanced itself, e.g. from AQIM, at that time. Silence is not absence: leave it unknown.",
    notes: "From l. 26 and l. 41. Code what the group had done, not what a government asked of it.",
    color: "#2563eb",
  },
  {
    key: "advantage",
    kind: "precondition",
    label: "Government negotiates from military advantage",
    labelTranslations: { fr: "Le gouvernement négocie en position de force militaire" },
    shortName: "ADVANTAGE",
    description: "The state offers or holds talks from a position of military advantage.",
    descriptionTranslations: {
      fr: "L’État propose ou mène des discussions en position d’avantage militaire.",
    },
    whenPresent:
      "The source reports the balance of forces in the state's favour when it offers talks, or says it talks only from such a position.",
    whenAbsent: "The source reports the state talking while losing ground or on equal terms.",
    notes: "From l. 34. Code the balance of forces as the source reports it.",
    color: "#0891b2",
    example: { caseKey: "somalia", text: "only from a position of military advantage" },
  },
  {
    key: "stable",
    kind: "precondition",
    label: "Stable political leadership",
    labelTranslations: { fr: "Direction politique stable" },
    shortName: "STABLE",
    description: "No sudden change of leadership before or during the process.",
    descriptionTranslations: { fr: "Aucun changement soudain de dirigeants avant ou pendant le processus." },
    whenPresent:
      "When the process began, the same leadership was in place and the source reports no sudden change during it.",
    whenAbsent: "A coup or sudden change of leadership came before or during the process.",
    notes:
      "From l. 40. Coded from the situation when the process began, so that it is not the same fact as “process dismantled” (DISMANTLED).",
    color: "#0d9488",
  },
  {
    key: "religious",
    kind: "precondition",
    label: "Religious intermediary",
    labelTranslations: { fr: "Intermédiaire religieux" },
    shortName: "RELIGIOUS",
    description: "A religious figure carries messages or tests the waters between the parties.",
    descriptionTranslations: {
      fr: "Une personnalité religieuse porte les messages ou sonde le terrain entre les parties.",
    },
    whenPresent:
      "A source names a religious figure acting between the parties, even without meeting the group's leader.",
    whenAbsent: "A source says no religious figure took part between the parties.",
    notes:
      "From l. 25 (the imam Mahmoud Dicko). With THIRDSTATE, replaces “credible religious or political intermediary”.",
    color: "#4f46e5",
    example: {
      caseKey: "mali2012",
      text: "the Salafist imam Mahmoud Dicko journeyed to northern Mali to test the waters for dialogue",
    },
  },
  {
    key: "thirdstate",
    kind: "precondition",
    label: "Third-state intermediary",
    labelTranslations: { fr: "Intermédiaire d’un État tiers" },
    shortName: "THIRDSTATE",
    description: "Leaders or envoys of another state meet the group or carry messages between the parties.",
    descriptionTranslations: {
      fr: "Des dirigeants ou des émissaires d’un autre État rencontrent le groupe ou portent les messages entre les parties.",
    },
    whenPresent: "A source names another state's leaders or officials acting between the parties.",
    whenAbsent: "A source says no other state acted between the parties.",
    notes:
      "From l. 26 (Burkina Faso's president and foreign minister). With RELIGIOUS, replaces “credible religious or political intermediary”.",
    color: "#9333ea",
    example: {
      caseKey: "mali2012",
      text: "sent Foreign Minister Djibril Bassolé to meet ag Ghali personally",
    },
  },
  {
    key: "local",
    kind: "precondition",
    label: "Local channel (communities, militias)",
    labelTranslations: { fr: "Canal local (communautés, milices)" },
    shortName: "LOCAL",
    description: "Contact runs through local communities or militias rather than national diplomacy.",
    descriptionTranslations: {
      fr: "Le contact passe par les communautés locales ou les milices plutôt que par la diplomatie nationale.",
    },
    whenPresent: "The source places the talks between local actors (communities, militias) and the group.",
    whenAbsent: "The source says contact ran only through national or international channels.",
    notes: "From l. 29.",
    color: "#16a34a",
    example: { caseKey: "segou", text: "between Katiba Macina and local militias" },
  },
  {
    key: "support",
    kind: "precondition",
    label: "Broad public support for dialogue",
    labelTranslations: { fr: "Large soutien de l’opinion publique au dialogue" },
    shortName: "SUPPORT",
    description: "Civil society and public opinion back talking to the group.",
    descriptionTranslations: {
      fr: "La société civile et l’opinion publique soutiennent le dialogue avec le groupe.",
    },
    whenPresent: "The source reports broad civil support for the talks in that case.",
    whenAbsent: "The source reports that the public opposed or discredited the talks in that case.",
    notes: "From l. 42, which speaks of the region in general: it sets no value for any one case.",
    color: "#65a30d",
  },
  {
    key: "opposed",
    kind: "precondition",
    label: "External partner opposes dialogue",
    labelTranslations: { fr: "Un partenaire extérieur s’oppose au dialogue" },
    shortName: "OPPOSED",
    description: "A foreign partner of the government pushes against talks.",
    descriptionTranslations: { fr: "Un partenaire étranger du gouvernement s’oppose aux discussions." },
    whenPresent: "The source reports a foreign partner opposing the talks or pressing against them.",
    whenAbsent: "The source reports the government's foreign partners accepting or backing the talks.",
    notes: "From l. 28 (France).",
    color: "#7c3aed",
    example: { caseKey: "segou", text: "France consistently opposed dialogue" },
  },
  {
    key: "excluded",
    kind: "precondition",
    label: "Some armed groups excluded from the talks",
    labelTranslations: { fr: "Certains groupes armés exclus des pourparlers" },
    shortName: "EXCLUDED",
    description: "Some of the armed groups concerned were left out of the talks.",
    descriptionTranslations: {
      fr: "Certains des groupes armés concernés ont été tenus à l’écart des discussions.",
    },
    whenPresent: "The source says some armed groups were excluded from the process.",
    whenAbsent: "The source says every armed group concerned took part.",
    notes:
      "From l. 27 (jihadist insurgents left out of the Algiers process) and l. 35 (the Armed Islamic Group).",
    color: "#475569",
    example: { caseKey: "algeria", text: "excluding groups like the Armed Islamic Group" },
  },
  {
    key: "quiet",
    kind: "precondition",
    label: "Quiet or back channel",
    labelTranslations: { fr: "Canal discret ou officieux" },
    shortName: "QUIET",
    description: "Contact runs quietly, off-stage, away from public view.",
    descriptionTranslations: {
      fr: "Le contact se fait discrètement, en coulisses, à l’abri du regard public.",
    },
    whenPresent:
      "The source says the contact or programme ran quietly or through channels kept out of public view.",
    whenAbsent: "The source says the talks were held in public from the start.",
    notes: "From l. 22, l. 29 and l. 33.",
    color: "#0369a1",
    example: {
      caseKey: "mauritania",
      text: "quietly developed a programme of religious dialogue with jihadist prisoners",
    },
  },
  {
    key: "tactical",
    kind: "outcome",
    label: "Tactical agreement",
    labelTranslations: { fr: "Accord tactique" },
    shortName: "TACTICAL",
    description: "Short-term agreements: ceasefires, humanitarian corridors, prisoner releases.",
    descriptionTranslations: {
      fr: "Accords de court terme : cessez-le-feu, couloirs humanitaires, libérations de prisonniers.",
    },
    whenPresent:
      "Code the sub-code that applies (TRUCE, EXCHANGE); use this one only when the source says no more.",
    whenAbsent: "The source says no tactical agreement was reached.",
    notes: "From l. 39, which sets tactical agreements apart from durable peace.",
    color: "#ea580c",
  },
  {
    key: "truce",
    kind: "outcome",
    label: "Temporary truce or ceasefire",
    labelTranslations: { fr: "Trêve ou cessez-le-feu temporaire" },
    shortName: "TRUCE",
    description: "Fighting stops for a limited time or purpose.",
    descriptionTranslations: { fr: "Les combats s’arrêtent pour une durée ou un objet limités." },
    whenPresent: "The source says a truce or ceasefire was reached for a time or a purpose (elections).",
    whenAbsent: "The source says talks were held but no truce came of them.",
    notes: "From l. 29 and l. 30. A ceasefire covering all parties is CEASEFIRE.",
    color: "#f97316",
    parent: "tactical",
    example: { caseKey: "segou", text: "a temporary truce" },
  },
  {
    key: "exchange",
    kind: "outcome",
    label: "Hostage or detainee exchange or release",
    labelTranslations: { fr: "Échange ou libération d’otages ou de détenus" },
    shortName: "EXCHANGE",
    description: "Hostages or detainees are exchanged or released.",
    descriptionTranslations: { fr: "Des otages ou des détenus sont échangés ou libérés." },
    whenPresent: "The source says hostages or detainees were exchanged or released as part of the case.",
    whenAbsent: "The source says no exchange or release took place.",
    notes: "From l. 29 and l. 30. Code it for a case only where the source places the exchange in that case.",
    color: "#d97706",
    parent: "tactical",
    example: { caseKey: "niger", text: "releasing detainees" },
  },
  {
    key: "durable",
    kind: "outcome",
    label: "Durable settlement",
    labelTranslations: { fr: "Règlement durable" },
    shortName: "DURABLE",
    description: "Long-term results: political inclusion, ideological reconciliation, deep reintegration.",
    descriptionTranslations: {
      fr: "Résultats de long terme : inclusion politique, réconciliation idéologique, réintégration profonde.",
    },
    whenPresent:
      "Code the sub-code that applies (CEASEFIRE, REINTEGRATION); use this one only when the source says no more.",
    whenAbsent: "The source says no durable settlement came of the process.",
    notes: "From l. 39.",
    color: "#ca8a04",
  },
  {
    key: "ceasefire",
    kind: "outcome",
    label: "Comprehensive ceasefire reached",
    labelTranslations: { fr: "Cessez-le-feu global obtenu" },
    shortName: "CEASEFIRE",
    description: "A ceasefire covering all parties is achieved.",
    descriptionTranslations: { fr: "Un cessez-le-feu couvrant toutes les parties est obtenu." },
    whenPresent: "The source says a ceasefire covering all parties was reached.",
    whenAbsent: "The source says a comprehensive ceasefire was not achieved.",
    notes: "From l. 27. Stated positively: “not reached” is its absence.",
    color: "#b45309",
    parent: "durable",
  },
  {
    key: "reintegration",
    kind: "outcome",
    label: "Reintegration of ex-combatants",
    labelTranslations: { fr: "Réintégration d’ex-combattants" },
    shortName: "REINTEGRATION",
    description: "Former fighters return to society.",
    descriptionTranslations: { fr: "D’anciens combattants retournent à la vie civile." },
    whenPresent: "The source says ex-combatants returned to society or were reintegrated.",
    whenAbsent: "The source says former fighters did not return to society.",
    notes:
      "From l. 27 and l. 35. “Space for reflection and reintegration” (l. 33) is not a return: leave such a case unknown.",
    color: "#a16207",
    parent: "durable",
    example: { caseKey: "algeria", text: "still allowed many ex-combatants to return to society" },
  },
  {
    key: "fragmented",
    kind: "outcome",
    label: "Fragmentation of the armed movement",
    labelTranslations: { fr: "Fragmentation du mouvement armé" },
    shortName: "FRAGMENTED",
    description: "The movement splits as a result of the process.",
    descriptionTranslations: { fr: "Le mouvement se divise sous l’effet du processus." },
    whenPresent: "The source says the talks fragmented the armed movement.",
    whenAbsent: "The source says the movement stayed united through the process.",
    notes: "From l. 27.",
    color: "#db2777",
    example: { caseKey: "algiers2015", text: "these talks fragmented the movement" },
  },
  {
    key: "reduced",
    kind: "outcome",
    label: "Reduced threat or violence",
    labelTranslations: { fr: "Baisse de la menace ou de la violence" },
    shortName: "REDUCED",
    description: "The threat or level of violence falls.",
    descriptionTranslations: { fr: "La menace ou le niveau de violence baisse." },
    whenPresent: "The source credits the process, even in part, with a fall in threat or violence.",
    whenAbsent: "The source says the threat or violence did not fall.",
    notes: "From l. 33 and l. 35.",
    color: "#dc2626",
    example: { caseKey: "mauritania", text: "succeeded in reducing the jihadist threat within its borders" },
  },
  {
    key: "dismantled",
    kind: "outcome",
    label: "Process dismantled or receded",
    labelTranslations: { fr: "Processus démantelé ou en recul" },
    shortName: "DISMANTLED",
    description: "The dialogue is abandoned, dismantled or fades.",
    descriptionTranslations: { fr: "Le dialogue est abandonné, démantelé ou s’essouffle." },
    whenPresent: "The source says the process was dismantled, abandoned or receded.",
    whenAbsent: "The source says the process went on.",
    notes: "From l. 31 and l. 34.",
    color: "#9f1239",
    example: { caseKey: "burkina", text: "the new regime dismantled these early negotiation frameworks" },
  },
];

/** A run of text: plain, or tagged with codes and/or cited to the article at a locator. */
export type Segment = { text: string; codes?: string[]; cite?: string };
export type SectionSeed = { title: string; paragraphs: Segment[][] };

const s = (text: string): Segment => ({ text });
const c = (text: string, cite: string): Segment => ({ text, cite });
const t = (codes: string[], text: string, cite?: string): Segment => ({ text, codes, cite });

/** An event of a demo case; codes by key, dates as the article gives them. */
export type EventSeed = {
  title: string;
  start: { year: number } | null;
  end: { year: number } | null;
  circa: boolean;
  wording: string;
  description: string;
  actors: string[];
  codes: string[];
  cite: string;
};

export type CaseSeed = {
  key: string;
  title: string;
  regions: string[];
  periodStart: number | null;
  periodStartCirca: boolean;
  periodEnd: number | null;
  periodEndCirca: boolean;
  actors: string[];
  mediators: string[];
  summary: string;
  dialogueType: "prison" | "active_group" | null;
  status: "draft" | "in_review" | "approved";
  sections: SectionSeed[];
  conditions: Record<string, { value: "present" | "absent"; note: string }>;
  events: EventSeed[];
};

const point = (year: number) => ({ year });

export const DEMO_CASES: CaseSeed[] = [
  {
    key: "mauritania",
    title: "Mauritania — religious dialogue with jihadist prisoners",
    regions: ["Mauritania"],
    periodStart: 2009,
    periodStartCirca: false,
    periodEnd: 2011,
    periodEndCirca: false,
    actors: ["Mauritanian state", "Jihadist prisoners held in Mauritania"],
    mediators: [],
    summary:
      "A programme of religious dialogue with jihadist prisoners, aimed at understanding as well as deradicalisation.",
    dialogueType: "prison",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            s("Between 2009 and 2011 Mauritania "),
            t(
              ["quiet"],
              "quietly developed a programme of religious dialogue with jihadist prisoners",
              "l. 33",
            ),
            s("."),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            c(
              "The Mauritanian state and jihadist prisoners. The article names no person, group or intermediary.",
              "l. 33",
            ),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            c(
              "The programme's goal was not only to deradicalise but to understand; it created space for reflection and reintegration.",
              "l. 33",
            ),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            c(
              "The participants were prisoners: this is a prison dialogue, recorded as the case's dialogue type rather than as a condition.",
              "l. 33",
            ),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The article says Mauritania "),
            t(["reduced"], "succeeded in reducing the jihadist threat within its borders", "l. 33"),
            s(
              ". It speaks of space for reintegration, not of prisoners returning to society: whether ex-combatants were reintegrated is unknown here.",
            ),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "The article calls this the “Mauritanian model” and says it “has quietly influenced others”, without naming them. It names Somalia in the next sentence but does not say that Somalia was influenced.",
              "l. 34",
            ),
          ],
        ],
      },
    ],
    conditions: {
      quiet: { value: "present", note: "“Mauritania quietly developed” the programme (l. 33)." },
      reduced: {
        value: "present",
        note: "“Mauritania succeeded in reducing the jihadist threat within its borders” (l. 33).",
      },
    },
    events: [
      {
        title: "Mauritania's programme of religious dialogue with jihadist prisoners",
        start: point(2009),
        end: point(2011),
        circa: false,
        wording: "",
        description:
          "A pioneering programme of religious dialogue with jihadist prisoners, developed quietly; its goal was to understand as well as to deradicalise.",
        actors: ["Mauritanian state", "Jihadist prisoners held in Mauritania"],
        codes: ["quiet"],
        cite: "l. 33",
      },
    ],
  },
  {
    key: "algeria",
    title: "Algeria — negotiations that partly wound down the civil war",
    regions: ["Algeria"],
    periodStart: 1997,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: ["Armed Islamic Group"],
    mediators: [],
    summary:
      "Negotiations that left out groups such as the Armed Islamic Group yet let many ex-combatants return to society.",
    dialogueType: "active_group",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "In 1997, Algeria's civil war wound down “partly thanks to” negotiations. The article gives no end date.",
              "l. 35",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            s("The negotiations were held "),
            t(["excluded"], "excluding groups like the Armed Islamic Group", "l. 35"),
            s(". The article does not name who took part."),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [[s("The article does not describe how the negotiations were conducted.")]],
      },
      {
        title: "Preconditions",
        paragraphs: [[c("Some armed groups were left out of the negotiations.", "l. 35")]],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The negotiations "),
            t(["reintegration"], "still allowed many ex-combatants to return to society", "l. 35"),
            s(", and "),
            t(["reduced"], "Algeria's civil war wound down partly thanks to negotiations", "l. 35"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "Excluding some groups did not prevent the return of many ex-combatants; the article counts the case among precedents that are “not without controversy”.",
              "l. 35–36",
            ),
          ],
        ],
      },
    ],
    conditions: {
      excluded: { value: "present", note: "“Excluding groups like the Armed Islamic Group” (l. 35)." },
      reintegration: {
        value: "present",
        note: "“Still allowed many ex-combatants to return to society” (l. 35).",
      },
      reduced: { value: "present", note: "The war wound down “partly thanks to” the negotiations (l. 35)." },
    },
    events: [
      {
        title: "Negotiations as Algeria's civil war winds down",
        start: point(1997),
        end: null,
        circa: false,
        wording: "",
        description:
          "Negotiations that excluded groups like the Armed Islamic Group but let many ex-combatants return to society; the war wound down partly thanks to them.",
        actors: [],
        codes: ["excluded", "reintegration"],
        cite: "l. 35",
      },
    ],
  },
  {
    key: "somalia",
    title: "Somalia — signalled openness to talks with al-Shabab",
    regions: ["Somalia"],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: ["Government of Somalia", "al-Shabab"],
    mediators: [],
    summary:
      "The government signalled openness to talks, only from a position of military advantage (the year before the article; no exact date given).",
    dialogueType: "active_group",
    status: "in_review",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "The year before the article was written (the article gives no date), Somalia's government signalled a potential openness to talks with al-Shabab.",
              "l. 34",
            ),
          ],
        ],
      },
      { title: "Actors", paragraphs: [[c("The Somali government and al-Shabab.", "l. 34")]] },
      {
        title: "Process",
        paragraphs: [
          [
            c(
              "The signal marked a shift from the government's earlier focus on the military defeat of al-Shabab. The article reports no talks held.",
              "l. 34",
            ),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            s("Openness was offered "),
            t(["advantage"], "only from a position of military advantage", "l. 34"),
            s("."),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The openness "),
            t(["dismantled"], "has since receded, following al-Shabab's recent territorial gains", "l. 34"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "The article names Somalia right after saying that the “Mauritanian model” has quietly influenced others, but it does not say that Somalia was influenced by it.",
              "l. 34",
            ),
          ],
        ],
      },
    ],
    conditions: {
      advantage: { value: "present", note: "“Only from a position of military advantage” (l. 34)." },
      dismantled: { value: "present", note: "The openness “has since receded” (l. 34)." },
    },
    events: [
      {
        title: "The government signals openness to talks with al-Shabab",
        start: null,
        end: null,
        circa: false,
        wording: "“last year”: the year before the article (the article is not dated)",
        description:
          "A shift from the government's earlier focus on military defeat; openness only from a position of military advantage.",
        actors: ["Government of Somalia", "al-Shabab"],
        codes: ["advantage"],
        cite: "l. 34",
      },
      {
        title: "The openness recedes after al-Shabab's territorial gains",
        start: null,
        end: null,
        circa: false,
        wording: "“since”: after the signal, before the article",
        description: "The openness has since receded, following al-Shabab's recent territorial gains.",
        actors: ["al-Shabab"],
        codes: ["dismantled"],
        cite: "l. 34",
      },
    ],
  },
  {
    key: "segou",
    title: "Mali, Ségou — local truce between Katiba Macina and local militias",
    regions: ["Mali", "Ségou region"],
    periodStart: 2020,
    periodStartCirca: true,
    periodEnd: 2020,
    periodEndCirca: true,
    actors: ["Katiba Macina", "Local militias (Ségou region)"],
    mediators: [],
    summary:
      "Negotiations between Katiba Macina and local militias in Mali's Ségou region led to a temporary truce (c. 2020, a date inferred from the article).",
    dialogueType: "active_group",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            s("The article says "),
            t(["opposed"], "France consistently opposed dialogue", "l. 28"),
            s(
              " and that efforts slowed under diplomatic pressure. It gives no stance of the Malian government.",
            ),
          ],
          [
            c(
              "Date: the article gives none. It introduces the truce with “Yet even then”, right after a statement it dates to 2020, so the case is placed “c. 2020”: an inference, not a date the article states.",
              "l. 28–29",
            ),
          ],
          [
            c(
              "Note on the source: the article attributes the 2020 statement to “then president François Hollande”, whose term ended in 2017. The casebook does not correct the article; it records the discrepancy.",
              "l. 28",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [[c("Katiba Macina and local militias in Mali's central Ségou region.", "l. 29")]],
      },
      {
        title: "Process",
        paragraphs: [
          [
            s("Negotiations took place "),
            t(["local"], "between Katiba Macina and local militias", "l. 29"),
            s(", while "),
            t(["quiet"], "quiet channels remained open", "l. 29"),
            s("."),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            c(
              "A local channel: “the appetite for negotiation persisted locally, if not diplomatically.”",
              "l. 29",
            ),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [s("The negotiations led to "), t(["truce"], "a temporary truce", "l. 29"), s(".")],
          [
            c(
              "The article adds that talks with the Malian army enabled hostage exchanges. It does not place those exchanges in Ségou or name Katiba Macina in them, so they are not coded for this case.",
              "l. 29",
            ),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [c("Local channels can stay open while an external partner opposes dialogue.", "l. 28–29")],
        ],
      },
    ],
    conditions: {
      local: { value: "present", note: "“Negotiations between Katiba Macina and local militias” (l. 29)." },
      quiet: { value: "present", note: "“Quiet channels remained open” (l. 29)." },
      opposed: { value: "present", note: "“France, however, consistently opposed dialogue” (l. 28)." },
      truce: { value: "present", note: "“Led to a temporary truce” (l. 29)." },
    },
    events: [
      {
        title: "France states its opposition to negotiating",
        start: point(2020),
        end: null,
        circa: false,
        wording: "as the article dates it",
        description:
          "The article quotes “then president François Hollande”: “The idea of negotiating with the very people we are targeting strikes me as a betrayal of our military mission.” Hollande's term ended in 2017; the casebook records the discrepancy and does not correct the article.",
        actors: ["France", "François Hollande"],
        codes: ["opposed"],
        cite: "l. 28",
      },
      {
        title: "Temporary truce between Katiba Macina and local militias in Ségou",
        start: point(2020),
        end: null,
        circa: true,
        wording: "inferred from “Yet even then”, after the 2020 statement",
        description: "Negotiations between Katiba Macina and local militias led to a temporary truce.",
        actors: ["Katiba Macina", "Local militias (Ségou region)"],
        codes: ["local", "quiet", "truce"],
        cite: "l. 29",
      },
      {
        title: "Military junta in Mali",
        start: point(2020),
        end: point(2021),
        circa: false,
        wording: "",
        description:
          "The article counts the rise of military juntas in Mali (2020–2021), Burkina Faso (2022) and Niger (2023) as a sharp turn away from dialogue.",
        actors: [],
        codes: [],
        cite: "l. 31",
      },
    ],
  },
  {
    key: "mali2012",
    title: "Mali — exploratory talks with Ansar al-Din",
    regions: ["Mali"],
    periodStart: 2012,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: ["Government of Mali", "Ansar al-Din", "Iyad ag Ghali"],
    mediators: ["Mahmoud Dicko", "Blaise Compaoré", "Djibril Bassolé"],
    summary:
      "Soon after the Tuareg rebellion, the government began exploratory talks with Ansar al-Din, then led by Iyad ag Ghali.",
    dialogueType: "active_group",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "In 2012, soon after the Tuareg rebellion in northern Mali, the government began exploratory talks with the jihadist Ansar al-Din, then led by Iyad ag Ghali, who now heads JNIM.",
              "l. 25",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            c(
              "The government of Mali; Ansar al-Din and its leader Iyad ag Ghali. Mediators: the imam Mahmoud Dicko; Burkina Faso's president Blaise Compaoré and his foreign minister Djibril Bassolé.",
              "l. 25–26",
            ),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            s("Among the earliest mediators, "),
            t(
              ["religious"],
              "the Salafist imam Mahmoud Dicko journeyed to northern Mali to test the waters for dialogue",
              "l. 25",
            ),
            s("; he never met ag Ghali. Blaise Compaoré, then president of Burkina Faso, "),
            t(["thirdstate"], "sent Foreign Minister Djibril Bassolé to meet ag Ghali personally", "l. 26"),
            s("."),
          ],
          [c("Bassolé reported ag Ghali's openness to negotiation, albeit with some conditions.", "l. 26")],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            c(
              "The government's key precondition for talks was that the group distance itself from al-Qaeda in the Islamic Maghreb (AQIM); at the time, it had not.",
              "l. 26",
            ),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [[s("The article does not say what the exploratory talks led to.")]],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "The article traces the roots of dialogue with jihadists in the Sahel back to these talks.",
              "l. 25",
            ),
          ],
        ],
      },
    ],
    conditions: {
      distanced: {
        value: "absent",
        note: "“The group had not yet distanced itself from al-Qaeda in the Islamic Maghreb (AQIM)” (l. 26).",
      },
      religious: { value: "present", note: "The imam Mahmoud Dicko went north to test the waters (l. 25)." },
      thirdstate: {
        value: "present",
        note: "Burkina Faso's president sent his foreign minister to meet ag Ghali (l. 26).",
      },
    },
    events: [
      {
        title: "Exploratory talks with Ansar al-Din begin",
        start: point(2012),
        end: null,
        circa: false,
        wording: "",
        description:
          "Soon after the Tuareg rebellion in northern Mali, the government began exploratory talks with Ansar al-Din, then led by Iyad ag Ghali. Among the earliest mediators, the imam Mahmoud Dicko went north to test the waters; he never met ag Ghali.",
        actors: ["Government of Mali", "Ansar al-Din", "Iyad ag Ghali", "Mahmoud Dicko"],
        codes: ["religious"],
        cite: "l. 25",
      },
      {
        title: "Djibril Bassolé meets Iyad ag Ghali",
        start: null,
        end: null,
        circa: false,
        wording: "“at the time” of the 2012 talks (the article gives no date)",
        description:
          "Sent by Blaise Compaoré, Burkina Faso's foreign minister met ag Ghali and reported his openness to negotiation, albeit with some conditions.",
        actors: ["Djibril Bassolé", "Blaise Compaoré", "Iyad ag Ghali"],
        codes: ["thirdstate"],
        cite: "l. 26",
      },
    ],
  },
  {
    key: "algiers2015",
    title: "Algiers process on northern Mali",
    regions: ["Mali"],
    periodStart: 2015,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: ["Tuareg rebellion in northern Mali", "Jihadist insurgents in northern Mali"],
    mediators: ["Algeria"],
    summary:
      "Algeria convened the process that led to the Algiers Accords, ending the Tuareg rebellion in northern Mali but excluding jihadist insurgents.",
    dialogueType: "active_group",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "In 2015, Algeria convened a peace process that led to the Algiers Accords, ending the Tuareg rebellion in northern Mali.",
              "l. 27",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            c(
              "Algeria convened the process; the Tuareg rebellion in northern Mali was party to it; jihadist insurgents were left out.",
              "l. 27",
            ),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            s("The process led to the Algiers Accords, "),
            t(["excluded"], "excluding jihadist insurgents", "l. 27"),
            s("."),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [[c("Jihadist insurgents were excluded from the process.", "l. 27")]],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            c("A comprehensive ceasefire was not achieved. ", "l. 27"),
            s("Still, "),
            t(["fragmented"], "these talks fragmented the movement", "l. 27"),
            s(" and "),
            t(["reintegration"], "allowed for the reintegration of some fighters", "l. 27"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "An accord can end one rebellion while leaving out the jihadist groups of the same region.",
              "l. 27",
            ),
          ],
        ],
      },
    ],
    conditions: {
      excluded: { value: "present", note: "“Excluding jihadist insurgents” (l. 27)." },
      ceasefire: { value: "absent", note: "“A comprehensive ceasefire was not achieved” (l. 27)." },
      fragmented: { value: "present", note: "“These talks fragmented the movement” (l. 27)." },
      reintegration: {
        value: "present",
        note: "“Allowed for the reintegration of some fighters” (l. 27).",
      },
    },
    events: [
      {
        title: "Algeria convenes the process that leads to the Algiers Accords",
        start: point(2015),
        end: null,
        circa: false,
        wording: "",
        description:
          "The Algiers Accords ended the Tuareg rebellion in northern Mali but excluded jihadist insurgents; no comprehensive ceasefire was achieved.",
        actors: ["Algeria", "Tuareg rebellion in northern Mali"],
        codes: ["excluded", "fragmented", "reintegration"],
        cite: "l. 27",
      },
    ],
  },
  {
    key: "burkina",
    title: "Burkina Faso — ceasefire for the elections",
    regions: ["Burkina Faso"],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: 2022,
    periodEndCirca: false,
    actors: ["Government of Burkina Faso", "Insurgents in Burkina Faso"],
    mediators: [],
    summary:
      "Before the 2022 coups, officials opened direct communication with insurgents and secured a temporary ceasefire so that presidential elections could proceed.",
    dialogueType: "active_group",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "Prior to the 2022 coups there was “a brief window of opportunity”. The article gives no start date.",
              "l. 30",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [[c("Officials of Burkina Faso and insurgents; no one is named.", "l. 30")]],
      },
      {
        title: "Process",
        paragraphs: [[c("Officials established direct communication with insurgents.", "l. 30")]],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            c(
              "The window closed with the 2022 coups: the leadership did not stay in place through the process.",
              "l. 30–31",
            ),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The contacts secured "),
            t(["truce"], "a temporary ceasefire to allow presidential elections to proceed", "l. 30"),
            s(". After the 2022 coup, "),
            t(["dismantled"], "the new regime dismantled these early negotiation frameworks", "l. 31"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "Sudden leadership changes erode trust and fragment processes; the article counts stability among the conditions missing in the Sahel.",
              "l. 40",
            ),
          ],
        ],
      },
    ],
    conditions: {
      truce: {
        value: "present",
        note: "“Securing a temporary ceasefire to allow presidential elections” (l. 30).",
      },
      dismantled: {
        value: "present",
        note: "The new regimes “dismantled these early negotiation frameworks” (l. 31).",
      },
      stable: { value: "absent", note: "The window closed with the 2022 coups (l. 30–31)." },
    },
    events: [
      {
        title: "Temporary ceasefire so that presidential elections can proceed",
        start: null,
        end: point(2022),
        circa: false,
        wording: "before the 2022 coups",
        description:
          "Officials established direct communication with insurgents and secured a temporary ceasefire.",
        actors: ["Government of Burkina Faso", "Insurgents in Burkina Faso"],
        codes: ["truce"],
        cite: "l. 30",
      },
      {
        title: "Military junta in Burkina Faso dismantles the negotiation frameworks",
        start: point(2022),
        end: null,
        circa: false,
        wording: "",
        description:
          "The new regime dismantled the early negotiation frameworks, sidelined local mediators and poured resources into recruitment and militarisation.",
        actors: [],
        codes: ["dismantled"],
        cite: "l. 31",
      },
    ],
  },
  {
    key: "niger",
    title: "Niger — gestures of dialogue under Mohamed Bazoum",
    regions: ["Niger"],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: 2023,
    periodEndCirca: false,
    actors: ["Government of Niger", "Mohamed Bazoum"],
    mediators: [],
    summary:
      "Before the 2023 coup, president Mohamed Bazoum released detainees, dispatched envoys and signalled a willingness to listen.",
    dialogueType: "active_group",
    status: "in_review",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "Niger's president at the time, Mohamed Bazoum, followed a path similar to Burkina Faso's. The article gives no dates before the 2023 junta.",
              "l. 30–31",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [c("Mohamed Bazoum and his government; the envoys are not named, nor whom they met.", "l. 30")],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            s("Bazoum followed a similar path: "),
            t(["exchange"], "releasing detainees", "l. 30"),
            s(", dispatching envoys, signalling a willingness to listen."),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [[s("The article names no precondition for this case.")]],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("After the rise of the military junta in 2023, "),
            t(["dismantled"], "the new regimes dismantled these early negotiation frameworks", "l. 31"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [c("Former gestures of dialogue were dismissed as weakness by the new regimes.", "l. 31")],
        ],
      },
    ],
    conditions: {
      exchange: { value: "present", note: "Bazoum was “releasing detainees” (l. 30)." },
      dismantled: {
        value: "present",
        note: "The juntas, Niger's in 2023 among them, dismantled the early frameworks (l. 31).",
      },
    },
    events: [
      {
        title: "Bazoum releases detainees, dispatches envoys and signals a willingness to listen",
        start: null,
        end: point(2023),
        circa: false,
        wording: "while Bazoum was president, before the 2023 junta",
        description: "Niger's president followed a path similar to Burkina Faso's.",
        actors: ["Mohamed Bazoum", "Government of Niger"],
        codes: ["exchange"],
        cite: "l. 30",
      },
      {
        title: "Military junta in Niger dismantles the early frameworks",
        start: point(2023),
        end: null,
        circa: false,
        wording: "",
        description: "The new regime dismantled the early negotiation frameworks.",
        actors: [],
        codes: ["dismantled"],
        cite: "l. 31",
      },
    ],
  },
];

/** An entry of the demo registry: its names as the article gives them, and what the article says of it. */
export type ActorSeed = {
  name: string;
  kind: "person" | "armed_group" | "government" | "organisation";
  description: string;
  aliases?: string[];
};

export const DEMO_ACTORS: ActorSeed[] = [
  {
    name: "Iyad ag Ghali",
    kind: "person",
    description:
      "Led Ansar al-Din at the time of the 2012 talks; heads JNIM at the time of the article (l. 25).",
  },
  {
    name: "Mahmoud Dicko",
    kind: "person",
    description: "Salafist imam; among the earliest mediators in 2012, he never met ag Ghali (l. 25).",
  },
  {
    name: "Blaise Compaoré",
    kind: "person",
    description:
      "President of Burkina Faso at the time of the 2012 talks; welcomed moderate jihadist leaders (l. 26).",
  },
  {
    name: "Djibril Bassolé",
    kind: "person",
    description: "Burkina Faso's foreign minister, sent to meet ag Ghali in person (l. 26).",
  },
  {
    name: "Mohamed Bazoum",
    kind: "person",
    description: "Niger's president before the 2023 junta (l. 30–31).",
  },
  {
    name: "François Hollande",
    kind: "person",
    description:
      "Quoted by the article as “then president” in 2020 (l. 28); see the Ségou case on this date.",
  },
  { name: "Ansar al-Din", kind: "armed_group", description: "Jihadist group of northern Mali (l. 25)." },
  {
    name: "JNIM",
    kind: "armed_group",
    description: "Al-Qaeda-affiliated group; attacked Bamako late in the year before the article (l. 5).",
    aliases: ["Jama’at Nusrat al-Islam wal-Muslimin"],
  },
  {
    name: "AQIM",
    kind: "armed_group",
    description: "Transnational jihadist network (l. 26).",
    aliases: ["al-Qaeda in the Islamic Maghreb"],
  },
  { name: "al-Qaeda", kind: "armed_group", description: "Transnational jihadist network (l. 5, l. 19)." },
  { name: "Katiba Macina", kind: "armed_group", description: "Armed group in Mali's Ségou region (l. 29)." },
  { name: "al-Shabab", kind: "armed_group", description: "Armed group in Somalia (l. 34)." },
  {
    name: "Armed Islamic Group",
    kind: "armed_group",
    description: "Algerian armed group excluded from the 1997 negotiations (l. 35).",
  },
  { name: "Government of Mali", kind: "government", description: "" },
  { name: "Government of Somalia", kind: "government", description: "" },
  { name: "Government of Burkina Faso", kind: "government", description: "" },
  { name: "Government of Niger", kind: "government", description: "" },
  { name: "Mauritanian state", kind: "government", description: "" },
  { name: "Algeria", kind: "government", description: "Convened the 2015 process on northern Mali (l. 27)." },
  { name: "France", kind: "government", description: "Consistently opposed dialogue (l. 28)." },
];

export type AffiliationSeed = {
  actor: string;
  group: string;
  role: string;
  startYear: number | null;
  wording: string;
  cite: string;
};

export const DEMO_AFFILIATIONS: AffiliationSeed[] = [
  {
    actor: "Iyad ag Ghali",
    group: "Ansar al-Din",
    role: "Leader",
    startYear: 2012,
    wording: "“then led by” him, in 2012",
    cite: "l. 25",
  },
  {
    actor: "Iyad ag Ghali",
    group: "JNIM",
    role: "Head",
    startYear: null,
    wording: "“now heads JNIM”: at the time of the article",
    cite: "l. 25",
  },
  {
    actor: "Ansar al-Din",
    group: "AQIM",
    role: "Not yet distanced from it",
    startYear: 2012,
    wording: "“at the time” of the 2012 talks",
    cite: "l. 26",
  },
  {
    actor: "JNIM",
    group: "al-Qaeda",
    role: "Affiliate",
    startYear: null,
    wording: "at the time of the article",
    cite: "l. 5",
  },
  {
    actor: "Blaise Compaoré",
    group: "Government of Burkina Faso",
    role: "President",
    startYear: 2012,
    wording: "“then president”, at the time of the 2012 talks",
    cite: "l. 26",
  },
  {
    actor: "Djibril Bassolé",
    group: "Government of Burkina Faso",
    role: "Foreign Minister",
    startYear: 2012,
    wording: "at the time of the 2012 talks",
    cite: "l. 26",
  },
  {
    actor: "Mohamed Bazoum",
    group: "Government of Niger",
    role: "President",
    startYear: null,
    wording: "“at the time”, before the 2023 junta",
    cite: "l. 30",
  },
];

/** Links the article supports: only "same conflict", among the three Malian cases (DOMAIN.md). */
export const DEMO_LINKS: Array<{ from: string; to: string; kind: "same_conflict"; note: string }> = [
  {
    from: "mali2012",
    to: "algiers2015",
    kind: "same_conflict",
    note: "Both follow the Tuareg rebellion in northern Mali (l. 25, l. 27).",
  },
  {
    from: "mali2012",
    to: "segou",
    kind: "same_conflict",
    note: "Both concern jihadist groups in Mali (l. 25, l. 29).",
  },
  { from: "algiers2015", to: "segou", kind: "same_conflict", note: "Both concern Mali (l. 27, l. 29)." },
];

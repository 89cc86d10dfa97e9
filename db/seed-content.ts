// The demo workspace, restated from the seed article (shared/product/seed-article.txt).
// Every statement here is in the article; where it gives no date, the case says so.
// Locators count the article's non-empty lines, subheadings included ("para. 32").

export const ARTICLE_SOURCE = {
  key: "article",
  csl: {
    type: "article-newspaper",
    title: "Opinion piece on dialogue with jihadist armed groups in the Sahel (seed article)",
    note: "Title, author, outlet and date are not given in the copy held by the project. Paragraph locators count the article's paragraphs and subheadings from the top.",
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
  description: string;
  /** The description in the other interface language (faithful translations, no new facts). */
  descriptionTranslations: { fr?: string; en?: string };
  color: string;
};

export const STARTER_CODES: CodeSeed[] = [
  {
    key: "distanced",
    kind: "precondition",
    label: "Armed group distanced from its transnational patron",
    labelTranslations: { fr: "Groupe armé ayant pris ses distances avec son parrain transnational" },
    description: "The group has put distance between itself and a transnational network (e.g. AQIM).",
    descriptionTranslations: {
      fr: "Le groupe a pris ses distances avec un réseau transnational (par exemple AQMI).",
    },
    color: "#2563eb",
  },
  {
    key: "advantage",
    kind: "precondition",
    label: "Government negotiates from military advantage",
    labelTranslations: { fr: "Le gouvernement négocie en position de force militaire" },
    description: "The state opens talks only while it holds the upper hand militarily.",
    descriptionTranslations: { fr: "L’État n’ouvre des discussions que tant qu’il a l’avantage militaire." },
    color: "#0891b2",
  },
  {
    key: "stable",
    kind: "precondition",
    label: "Stable political leadership",
    labelTranslations: { fr: "Direction politique stable" },
    description: "No sudden change of leadership interrupts the process.",
    descriptionTranslations: { fr: "Aucun changement soudain de dirigeants n’interrompt le processus." },
    color: "#0d9488",
  },
  {
    key: "intermediary",
    kind: "precondition",
    label: "Credible religious or political intermediary",
    labelTranslations: { fr: "Intermédiaire religieux ou politique crédible" },
    description: "A religious figure or political envoy carries messages between the parties.",
    descriptionTranslations: {
      fr: "Une personnalité religieuse ou un émissaire politique porte les messages entre les parties.",
    },
    color: "#4f46e5",
  },
  {
    key: "local",
    kind: "precondition",
    label: "Local channel (communities, militias)",
    labelTranslations: { fr: "Canal local (communautés, milices)" },
    description: "Contact runs through local communities or militias rather than national diplomacy.",
    descriptionTranslations: {
      fr: "Le contact passe par les communautés locales ou les milices plutôt que par la diplomatie nationale.",
    },
    color: "#16a34a",
  },
  {
    key: "support",
    kind: "precondition",
    label: "Broad public support for dialogue",
    labelTranslations: { fr: "Large soutien de l’opinion publique au dialogue" },
    description: "Civil society and public opinion back talking to the group.",
    descriptionTranslations: {
      fr: "La société civile et l’opinion publique soutiennent le dialogue avec le groupe.",
    },
    color: "#65a30d",
  },
  {
    key: "opposes",
    kind: "precondition",
    label: "External partner opposes dialogue",
    labelTranslations: { fr: "Un partenaire extérieur s’oppose au dialogue" },
    description: "A foreign partner of the government pushes against talks.",
    descriptionTranslations: { fr: "Un partenaire étranger du gouvernement s’oppose aux discussions." },
    color: "#7c3aed",
  },
  {
    key: "custody",
    kind: "precondition",
    label: "Participants in state custody",
    labelTranslations: { fr: "Participants détenus par l’État" },
    description: "The people in dialogue are prisoners or detainees.",
    descriptionTranslations: { fr: "Les personnes en dialogue sont des prisonniers ou des détenus." },
    color: "#0369a1",
  },
  {
    key: "truce",
    kind: "outcome",
    label: "Temporary truce or ceasefire",
    labelTranslations: { fr: "Trêve ou cessez-le-feu temporaire" },
    description: "Fighting stops for a limited time or purpose.",
    descriptionTranslations: { fr: "Les combats s’arrêtent pour une durée ou un objet limités." },
    color: "#ea580c",
  },
  {
    key: "exchange",
    kind: "outcome",
    label: "Hostage or detainee exchange or release",
    labelTranslations: { fr: "Échange ou libération d’otages ou de détenus" },
    description: "Hostages or detainees are exchanged or released.",
    descriptionTranslations: { fr: "Des otages ou des détenus sont échangés ou libérés." },
    color: "#d97706",
  },
  {
    key: "reintegration",
    kind: "outcome",
    label: "Reintegration of ex-combatants",
    labelTranslations: { fr: "Réintégration d’ex-combattants" },
    description: "Former fighters return to society.",
    descriptionTranslations: { fr: "D’anciens combattants retournent à la vie civile." },
    color: "#ca8a04",
  },
  {
    key: "fragmentation",
    kind: "outcome",
    label: "Fragmentation of the armed movement",
    labelTranslations: { fr: "Fragmentation du mouvement armé" },
    description: "The movement splits as a result of the process.",
    descriptionTranslations: { fr: "Le mouvement se divise sous l’effet du processus." },
    color: "#db2777",
  },
  {
    key: "reduced",
    kind: "outcome",
    label: "Reduced threat or violence",
    labelTranslations: { fr: "Baisse de la menace ou de la violence" },
    description: "The threat or level of violence falls.",
    descriptionTranslations: { fr: "La menace ou le niveau de violence baisse." },
    color: "#dc2626",
  },
  {
    key: "receded",
    kind: "outcome",
    label: "Process dismantled or receded",
    labelTranslations: { fr: "Processus démantelé ou en recul" },
    description: "The dialogue is abandoned, dismantled or fades.",
    descriptionTranslations: { fr: "Le dialogue est abandonné, démantelé ou s’essouffle." },
    color: "#9f1239",
  },
  {
    key: "no-ceasefire",
    kind: "outcome",
    label: "Comprehensive ceasefire not reached",
    labelTranslations: { fr: "Pas de cessez-le-feu global" },
    description: "No ceasefire covering all parties is achieved.",
    descriptionTranslations: { fr: "Aucun cessez-le-feu couvrant toutes les parties n’est obtenu." },
    color: "#b45309",
  },
];

/** A run of text: plain, or tagged with codes and/or cited to the article at a locator. */
export type Segment = { text: string; codes?: string[]; cite?: string };
export type SectionSeed = { title: string; paragraphs: Segment[][] };

const s = (text: string): Segment => ({ text });
const c = (text: string, cite: string): Segment => ({ text, cite });
const t = (codes: string[], text: string, cite?: string): Segment => ({ text, codes, cite });

export type CaseSeed = {
  title: string;
  regions: string[];
  periodStart: number | null;
  periodStartCirca: boolean;
  periodEnd: number | null;
  periodEndCirca: boolean;
  actors: string[];
  mediators: string[];
  summary: string;
  status: "draft" | "in_review" | "approved";
  sections: SectionSeed[];
  conditions: Record<string, { value: "present" | "absent"; note: string }>;
};

export const DEMO_CASES: CaseSeed[] = [
  {
    title: "Mauritania — religious dialogue with jihadist prisoners",
    regions: ["Mauritania"],
    periodStart: 2009,
    periodStartCirca: false,
    periodEnd: 2011,
    periodEndCirca: false,
    actors: ["Jihadist prisoners held in Mauritania", "Mauritanian state"],
    mediators: [],
    summary:
      "A programme of religious dialogue with jihadist prisoners, aimed at understanding as well as deradicalisation.",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "Between 2009 and 2011 Mauritania quietly ran a programme of religious dialogue with jihadist prisoners.",
              "para. 32",
            ),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            s("The Mauritanian state and "),
            t(["custody"], "jihadist prisoners in its custody", "para. 32"),
            s("."),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            c(
              "The programme's goal was not only to deradicalise but to understand; it created space for reflection and reintegration.",
              "para. 32",
            ),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [s("The participants were "), t(["custody"], "prisoners held by the state", "para. 32"), s(".")],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The article credits the programme with "),
            t(["reduced"], "reducing the jihadist threat within Mauritania's borders", "para. 32"),
            s(", and with creating "),
            t(["reintegration"], "space for reflection and reintegration", "para. 32"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "The article calls this the “Mauritanian model” and says it has quietly influenced others, Somalia among them.",
              "para. 33",
            ),
          ],
        ],
      },
    ],
    conditions: {
      custody: { value: "present", note: "Dialogue with prisoners." },
      reduced: {
        value: "present",
        note: "The article credits the programme with reducing the jihadist threat inside the country.",
      },
      reintegration: { value: "present", note: "The programme created space for reintegration." },
    },
  },
  {
    title: "Algeria — negotiations that wound down the civil war",
    regions: ["Algeria"],
    periodStart: 1997,
    periodStartCirca: false,
    periodEnd: 1997,
    periodEndCirca: false,
    actors: ["Parties to Algeria's civil war", "Armed Islamic Group (excluded from the negotiations)"],
    mediators: [],
    summary:
      "Negotiations that left out groups such as the Armed Islamic Group yet let many ex-combatants return to society.",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [c("In 1997, Algeria's civil war wound down, partly thanks to negotiations.", "para. 34")],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [c("Groups such as the Armed Islamic Group were excluded from the negotiations.", "para. 34")],
        ],
      },
      {
        title: "Process",
        paragraphs: [[s("The article does not describe how the negotiations were conducted.")]],
      },
      { title: "Preconditions", paragraphs: [[s("The article names no precondition for this case.")]] },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The negotiations "),
            t(["reintegration"], "allowed many ex-combatants to return to society", "para. 34"),
            s(" and contributed to "),
            t(["reduced"], "the winding down of the civil war", "para. 34"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [
            c(
              "Excluding some groups did not prevent the return of many ex-combatants; the article presents the case as a precedent, not without controversy.",
              "para. 35",
            ),
          ],
        ],
      },
    ],
    conditions: {
      reintegration: { value: "present", note: "Many ex-combatants returned to society." },
      reduced: { value: "present", note: "The civil war wound down, partly thanks to the negotiations." },
    },
  },
  {
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
    status: "in_review",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            c(
              "The year before the article was written (the article gives no date), Somalia's government signalled a potential openness to talks with al-Shabab.",
              "para. 33",
            ),
          ],
        ],
      },
      { title: "Actors", paragraphs: [[s("The Somali government and al-Shabab.")]] },
      {
        title: "Process",
        paragraphs: [
          [
            c(
              "The signal marked a shift from the government's earlier focus on the military defeat of al-Shabab.",
              "para. 33",
            ),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            s("Openness was offered "),
            t(["advantage"], "only from a position of military advantage", "para. 33"),
            s("."),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The openness "),
            t(["receded"], "has since receded, following al-Shabab's territorial gains", "para. 33"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [c("The article presents the shift as influenced by the “Mauritanian model”.", "para. 33")],
        ],
      },
    ],
    conditions: {
      advantage: { value: "present", note: "Openness only from a position of military advantage." },
      receded: { value: "present", note: "Receded after al-Shabab's territorial gains." },
    },
  },
  {
    title: "Mali, Ségou — local truce between Katiba Macina and local militias",
    regions: ["Mali", "Ségou region"],
    periodStart: 2020,
    periodStartCirca: true,
    periodEnd: null,
    periodEndCirca: false,
    actors: ["Katiba Macina", "Local militias", "Malian army"],
    mediators: [],
    summary:
      "Local negotiations led to a temporary truce and, with the Malian army, to hostage exchanges, despite official opposition.",
    status: "approved",
    sections: [
      {
        title: "Context",
        paragraphs: [
          [
            s("The article places these talks at a time when "),
            t(["opposes"], "France consistently opposed dialogue", "para. 27"),
            s(" and efforts slowed under diplomatic pressure; quiet channels nonetheless remained open."),
          ],
        ],
      },
      {
        title: "Actors",
        paragraphs: [
          [
            c(
              "Katiba Macina, local militias in Mali's central Ségou region, and the Malian army.",
              "para. 28",
            ),
          ],
        ],
      },
      {
        title: "Process",
        paragraphs: [
          [
            s("Negotiations took place "),
            t(["local"], "between Katiba Macina and local militias", "para. 28"),
            s("."),
          ],
        ],
      },
      {
        title: "Preconditions",
        paragraphs: [
          [
            s("A "),
            t(["local"], "local channel", "para. 28"),
            s(": the appetite for negotiation persisted locally, if not diplomatically."),
          ],
        ],
      },
      {
        title: "Outcomes",
        paragraphs: [
          [
            s("The negotiations led to "),
            t(["truce"], "a temporary truce", "para. 28"),
            s(". "),
            t(["exchange"], "Talks with the Malian army enabled hostage exchanges", "para. 28"),
            s("."),
          ],
        ],
      },
      {
        title: "Lessons",
        paragraphs: [
          [c("Local channels can stay open while official diplomacy opposes dialogue.", "para. 28")],
        ],
      },
    ],
    conditions: {
      local: { value: "present", note: "Talks between Katiba Macina and local militias." },
      opposes: { value: "present", note: "France consistently opposed dialogue in this period." },
      truce: { value: "present", note: "A temporary truce." },
      exchange: { value: "present", note: "Hostage exchanges enabled by talks with the Malian army." },
    },
  },
];

import type en from "../en/conditions";
import type { Catalogue } from "../types";

export default {
  page: {
    metaTitle: "Conditions · {{title}}",
    breadcrumb: "Fil d’Ariane",
    cases: "Cas",
    title: "Conditions",
    intro:
      "Pour chaque code de la grille de codage, ce que montre ce cas : présente, absente ou inconnue. Un passage codé dans le texte est un élément de preuve de « présente » ; l’absence est toujours affirmée par une personne, car un code manquant ne signifie pas que la condition était absente.",
    readOnly: " Votre rôle permet de lire ces conditions, pas de les modifier.",
    noCodes: "La grille de codage n’a pas encore de codes.",
    addCodesBefore: "Ajoutez des préconditions et des résultats dans la ",
    codebookLink: "grille de codage",
    addCodesAfter: ", puis revenez les renseigner pour ce cas.",
    codesComeLater:
      "Quand les propriétaires ou les rédacteurs auront ajouté des préconditions et des résultats à la grille de codage, ils apparaîtront ici.",
  },
  values: {
    present: "Présente",
    absent: "Absente",
    unknown: "Inconnue",
  },
  panel: {
    preconditions: "Préconditions",
    outcomes: "Résultats",
    noPreconditions: "La grille de codage n’a pas encore de préconditions.",
    noOutcomes: "La grille de codage n’a pas encore de résultats.",
    present_one: "{{count}} présente",
    present_other: "{{count}} présentes",
    absent_one: "{{count}} absente",
    absent_other: "{{count}} absentes",
    unknown_one: "{{count}} inconnue",
    unknown_other: "{{count}} inconnues",
    flagged_one: "{{count}} code figure dans le texte mais est indiqué absent :",
    flagged_other: "{{count}} codes figurent dans le texte mais sont indiqués absents :",
    flaggedHint: " vérifiez les passages, puis corrigez la valeur ou les codes.",
    saving: "Enregistrement…",
    save: "Enregistrer les conditions",
    saveHint: "Seuls les codes que vous modifiez reçoivent votre nom et la date du jour.",
  },
  item: {
    notStated: "Pas encore renseignée (inconnue par défaut).",
    setBy: "Renseignée par {{name}} le ",
    formerMember: "un ancien membre",
    taggedAbsent: "Codée dans le texte mais indiquée absente",
    taggedUnknown: "Codée dans le texte — l’indiquer présente ?",
    evidence_one: "Élément de preuve dans le texte : {{count}} passage codé",
    evidence_other: "Éléments de preuve dans le texte : {{count}} passages codés",
    quoted: "« {{text}} »",
    inSection: "dans {{section}}",
    conflictBy:
      "{{name}} l’a indiquée {{value}} après que vous avez ouvert la page. Votre choix est conservé : enregistrez de nouveau pour remplacer le sien.",
    conflictByWithNote:
      "{{name}} l’a indiquée {{value}} (« {{note}} ») après que vous avez ouvert la page. Votre choix est conservé : enregistrez de nouveau pour remplacer le sien.",
    conflictSomeone:
      "Quelqu’un l’a de nouveau indiquée {{value}} après que vous avez ouvert la page. Votre choix est conservé : enregistrez de nouveau pour remplacer le sien.",
    conflictSomeoneWithNote:
      "Quelqu’un l’a de nouveau indiquée {{value}} (« {{note}} ») après que vous avez ouvert la page. Votre choix est conservé : enregistrez de nouveau pour remplacer le sien.",
    valuesLower: {
      present: "présente",
      absent: "absente",
      unknown: "inconnue",
    },
    note: "Note",
    noteOn: " sur {{label}}",
    noteHint: "(facultative : pourquoi, et sur quelle base)",
  },
  toasts: {
    nothing: "Rien à enregistrer : aucune condition n’a été modifiée.",
    saved_one: "Conditions enregistrées ({{count}} code modifié).",
    saved_other: "Conditions enregistrées ({{count}} codes modifiés).",
  },
  errors: {
    codeUnknown: "Ce code n’est pas dans la grille de codage.",
    valueInvalid: "Choisissez présente, absente ou inconnue.",
    noteTooLong: "La note doit faire moins de {{max, number}} caractères.",
    incomplete: "Le formulaire est incomplet. Rechargez la page et réessayez.",
    conflict:
      "Un collègue a modifié certaines de ces conditions après que vous avez ouvert la page : rien n’a été enregistré. Vos choix sont conservés ci-dessous ; les codes qu’il a modifiés sont signalés.",
    caseNotFound: "Ce cas n’existe pas dans cet espace de travail.",
    foreignCodes: "Certains de ces codes ne sont pas dans la grille de codage de cet espace de travail.",
  },
} satisfies Catalogue<typeof en>;

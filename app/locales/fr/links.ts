import type en from "../en/links";
import type { Catalogue } from "../types";

export default {
  kinds: {
    influenced: "A influencé",
    same_conflict: "Même conflit",
    earlier_phase: "Phase antérieure de",
    contrasting: "Cas contrasté",
  },
  reading: {
    influenced: "A influencé",
    influencedBy: "Influencé par",
    sameConflict: "Même conflit que",
    earlierPhaseOf: "Phase antérieure de",
    laterPhaseOf: "Phase ultérieure de",
    contrasting: "Contraste avec",
  },
  panel: {
    heading: "Cas liés",
    manage: "Gérer les liens",
    add: "Lier un cas",
    empty: "Lié à aucun cas pour l’instant.",
    follow: "Ces cas dans la bibliothèque",
    timeline: "Sur une chronologie",
  },
  page: {
    metaTitle: "Cas liés · {{title}}",
    title: "Cas liés",
    intro:
      "Un lien s’affiche sur les deux cas, sur la chronologie, et la bibliothèque peut le suivre. Il ne fait pas partie des versions du cas.",
    listHeading_one: "{{count}} lien",
    listHeading_other: "{{count}} liens",
    empty: "Aucun lien pour l’instant.",
    remove: "Retirer",
    removeNamed: "Retirer le lien vers « {{title}} »",
    addHeading: "Ajouter un lien",
    kind: "Ce cas…",
    kindHint:
      "Lu depuis « {{title}} » : il a influencé l’autre cas, relève du même conflit, en est une phase antérieure, ou contraste avec lui.",
    target: "Autre cas",
    pickCase: "Choisissez un cas",
    note: "Note (facultatif)",
    noteHint: "Pourquoi ils sont liés, avec une source si vous en avez une.",
    submit: "Ajouter le lien",
    backToCase: "Retour au cas",
    noOtherCases: "Il n’y a pas encore d’autre cas à lier.",
    added: "Lien ajouté.",
    removed: "Lien retiré.",
  },
  errors: {
    pickCase: "Choisissez un cas de cet espace de travail.",
    pickKind: "Choisissez le type de lien.",
    self: "Un cas ne peut pas être lié à lui-même.",
    exists: "Ces cas sont déjà liés de cette façon.",
    noteTooLong: "La note doit faire moins de {{max}} caractères.",
    notFound: "Ce lien n’existe plus.",
  },
} satisfies Catalogue<typeof en>;

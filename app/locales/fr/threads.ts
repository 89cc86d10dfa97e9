import type en from "../en/threads";
import type { Catalogue } from "../types";

export default {
  column: {
    heading: "Commentaires",
    openCount_one: "({{count}} ouvert)",
    openCount_other: "({{count}} ouverts)",
    commentOnSelection: "Commenter la sélection",
    selectHint: "Sélectionnez un passage du texte pour le commenter.",
    showResolved: "Afficher les fils résolus ({{count}})",
    empty:
      "Aucun commentaire pour l’instant. Sélectionnez des mots dans le texte et choisissez « Commenter » pour ouvrir une discussion sur ce passage.",
    allResolved: "Tous les fils sont résolus.",
  },
  newThread: {
    commentOn: "Commentaire sur ",
    quoted: "« {{text}} »",
    label: "Votre commentaire",
    submit: "Commenter",
  },
  card: {
    onEvent: "Sur l’évènement",
    eventRemoved: "Évènement retiré :",
    showInText: "Afficher dans le texte : {{quote}}",
    passageRemoved: "Passage supprimé",
    madeOn: "Les commentaires portaient sur :",
    passageEdited: "Le passage a été modifié depuis.",
    resolved: "Résolu",
    resolvedBy: "Résolu par {{name}}",
    on: " le ",
    reply: "Répondre",
    replyLabel: "Votre réponse",
    reopen: "Rouvrir",
    resolve: "Résoudre",
  },
  comment: {
    edited: " (modifié)",
    deleted: "Ce commentaire a été supprimé.",
    edit: "Modifier",
    editLabel: "Modifier votre commentaire",
    save: "Enregistrer",
    confirmDelete: "Supprimer ce commentaire ?",
    yesDelete: "Oui, supprimer",
    delete: "Supprimer",
    keep: "Le garder",
    formerMember: "Ancien membre",
    claimedAuthor: "(importé : le fichier indique {{name}} comme auteur)",
    by: "Commentaire de {{name}}",
  },
  form: {
    placeholder: "Tapez @ pour mentionner quelqu’un",
    tooLong: "{{length, number}} caractères : un commentaire peut en compter au plus {{max, number}}.",
    sending: "Envoi…",
    cancel: "Annuler",
    mentionList: "Membres à mentionner",
  },
  selection: {
    keyboardLabel: "Texte du cas : Maj et les flèches sélectionnent un passage, Entrée le commente",
    comment: "Commenter",
    tooLong: "Sélectionnez au plus {{max, number}} caractères pour commenter.",
  },
  errors: {
    eventGone: "Cet évènement n’est plus dans le cas : quelqu’un l’a retiré. Rechargez la page.",
    empty: "Écrivez un commentaire avant de l’envoyer.",
    tooLong:
      "Un commentaire peut compter au plus {{max, number}} caractères ; celui-ci en a {{length, number}}. Raccourcissez-le ou répartissez-le en deux commentaires.",
    quoteTooLong:
      "Sélectionnez un passage plus court : un commentaire peut porter sur au plus {{max, number}} caractères.",
    textChanged:
      "Le texte a changé depuis votre sélection (quelqu’un a enregistré le cas). Sélectionnez de nouveau le passage.",
    caseNotFound: "Ce cas n’existe pas dans cet espace de travail.",
    caseTrashed: "Ce cas a été mis à la corbeille ; votre commentaire n’a pas été enregistré.",
    threadNotFound: "Ce fil de commentaires n’existe pas dans cet espace de travail.",
    commentNotFound: "Ce commentaire n’existe pas dans cet espace de travail (il a peut-être été supprimé).",
    notYourComment: "Vous ne pouvez modifier ou supprimer que vos propres commentaires.",
    cannotResolve:
      "Seuls la personne qui a ouvert ce fil, les relecteurs et les propriétaires peuvent le résoudre ou le rouvrir.",
  },
} satisfies Catalogue<typeof en>;

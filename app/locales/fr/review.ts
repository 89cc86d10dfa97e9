import type en from "../en/review";
import type { Catalogue } from "../types";

export default {
  panel: {
    heading: "Relecture",
    newerDraftStrong: "Un brouillon plus récent existe.",
    newerDraft:
      " Les lecteurs qui ne voient que les versions approuvées lisent toujours la version {{approved}} ; ce brouillon est la version {{current}}.",
    approvedRevision: "Version approuvée : {{revision}}. ",
    notApproved: "Pas encore approuvé : les formateurs ne voient pas ce cas. ",
    currentRevision: "Version actuelle : {{revision}}.",
    submittedBy: "Soumis en relecture par ",
    revisionInParens: " (version {{revision}})",
    to: " à ",
    toEnd: ".",
    noReviewer: ". Aucun relecteur n’a été choisi : tout relecteur ou propriétaire peut décider.",
    youAreReviewer: " On vous a demandé de le relire.",
    editedSince:
      "Modifié depuis la soumission : c’est maintenant la version {{revision}}. Une décision porte sur la version {{revision}}.",
    previousDecision: "Décision précédente : {{decision}}",
    lastDecision: "Dernière décision : {{decision}}",
    decisionRevision: " (version {{revision}})",
    decisionBy: "Par {{name}}, ",
    decisions: {
      approved: "Approuvé",
      changes_requested: "Modifications demandées",
      withdrawn: "Retiré de la relecture",
    },
    idle: {
      draft: "Pas soumis en relecture. Un rédacteur le soumet quand il est prêt.",
      changes_requested: "En attente des modifications des rédacteurs et d’une nouvelle soumission.",
      in_review: "En attente d’une décision des relecteurs.",
      approved:
        "Modifier le cas crée un nouveau brouillon ; cette version approuvée reste lisible jusqu’à la prochaine approbation.",
    },
    idleReader: {
      draft:
        "Pas encore soumis en relecture. Vous pouvez commenter des passages ; un rédacteur le soumet quand il est prêt.",
      changes_requested: "En attente des modifications des rédacteurs et d’une nouvelle soumission.",
      in_review: "En attente d’une décision des relecteurs.",
      approved:
        "Cette version approuvée est celle que lisent les formateurs. Quand un rédacteur modifie le cas, le nouveau brouillon revient en relecture.",
    },
    someoneElse:
      "Vous avez modifié ce cas en dernier, et cet espace de travail demande l’approbation par quelqu’un d’autre : un autre relecteur ou propriétaire décide. Vous pouvez toujours demander des modifications.",
    readsApprovedOnly: "Voici la version que les relecteurs ont approuvée.",
    submit: "Soumettre en relecture",
    resubmit: "Soumettre de nouveau en relecture",
    submitting: "Soumission…",
    nobodyMayApprove:
      "Personne dans cet espace de travail ne peut encore approuver de cas. Un propriétaire peut inviter un relecteur depuis la page Membres.",
    reviewers: "Relecteurs",
    reviewersHint: "Choisissez qui doit le lire et décider. Les propriétaires peuvent aussi décider.",
    personRole: "({{role}})",
    personRoleYou: "(vous, {{role}})",
    message: "Message aux relecteurs (facultatif)",
    approve: "Approuver",
    note: "Note (facultative)",
    approveHint: "Les formateurs liront ensuite la version {{revision}}.",
    approving: "Approbation…",
    approveRevision: "Approuver la version {{revision}}",
    requestChanges: "Demander des modifications",
    whatToChange: "Ce qui doit changer",
    requestHint: "Les rédacteurs voient cette note avec le cas.",
    sending: "Envoi…",
    withdraw: "Retirer de la relecture",
    withdrawHint: " Le cas redevient un brouillon ; les relecteurs sont prévenus.",
    activity: "Activité de ce cas",
  },
  page: {
    metaTitle: "Relecture · {{title}}",
    breadcrumb: "Fil d’Ariane",
    cases: "Cas",
    title: "Relecture de « {{title}} »",
    back: "Retour au cas",
  },
  mine: {
    metaTitle: "Mes relectures",
    title: "Mes relectures",
    intro:
      "Ce qui vous attend dans cet espace de travail : les cas qui attendent depuis le plus longtemps d’abord, les fils aux commentaires les plus récents d’abord.",
    introReader:
      "Les relectures et les fils de commentaires sont le travail des rédacteurs et des relecteurs de cet espace de travail.",
    readerOnly:
      "En tant que formateur, vous lisez la version approuvée de chaque cas : rien ne vous attend ici. Les pages Cas, Matrice et Ensembles de comparaison sont les vôtres.",
    waiting: "En attente de votre relecture",
    ownerNote:
      "En tant que propriétaire, vous pouvez décider sur tout cas en relecture ; ceux qu’on ne vous a pas demandé de relire sont signalés.",
    waitingEmpty:
      "Aucun cas n’attend votre relecture. Quand un rédacteur vous soumet un cas, il apparaît ici et dans vos notifications.",
    noReviewerPicked: "Aucun relecteur choisi",
    notAsked: "Non sollicité : propriétaire",
    submittedBy: "Soumis par {{name}} ",
    revision: "(version {{revision}})",
    revisionNow: "(version {{revision}}, maintenant {{current}})",
    submissions: "Vos soumissions",
    submitted: "Soumis ",
    readTheNote: " · lisez la note, faites les modifications, soumettez de nouveau",
    mentions: "Fils où vous êtes mentionné",
    mentionsEmpty:
      "Personne ne vous a encore mentionné dans un commentaire. Vos collègues vous mentionnent en tapant @ suivi de votre nom dans un fil sur un passage.",
    resolved: "Résolu",
    mentionedYou: "{{name}} vous a mentionné ",
    replies: "Nouvelles réponses sur vos cas",
    repliesEmpty:
      "Aucune réponse en attente. Les fils sur les cas que vous avez créés ou soumis apparaissent ici quand quelqu’un écrit après votre dernier commentaire.",
    newReplies_one: "{{count}} nouvelle réponse, la dernière ",
    newReplies_other: "{{count}} nouvelles réponses, la dernière ",
    quoted: "« {{text}} »",
  },
  toasts: {
    submitted: "Version {{revision}} soumise en relecture. Les relecteurs sont prévenus.",
    approvedEditedSinceRead:
      "Version {{revision}} approuvée. Elle comprend du texte modifié après que vous avez ouvert le cas (version {{read}}) : c’est le texte actuel que vous avez approuvé.",
    approvedEdited:
      "Version {{revision}} approuvée. Elle avait été modifiée après la soumission (version {{submitted}}) : c’est la version actuelle que vous avez approuvée.",
    approved: "Version {{revision}} approuvée. Les formateurs lisent désormais cette version.",
    changesRequested: "Modifications demandées. Les rédacteurs sont prévenus et voient votre note.",
    withdrawn: "Retiré de la relecture : le cas est de nouveau un brouillon.",
  },
  errors: {
    notUnderstood: "Cette action n’a pas été comprise. Rechargez la page et réessayez.",
    pickFromList: "Choisissez les relecteurs dans la liste.",
    revisionMissing: "Il manque au formulaire la version que vous avez lue. Rechargez la page.",
    pickOne: "Choisissez au moins un relecteur.",
    pickAtMost: "Choisissez au plus {{max}} relecteurs.",
    messageTooLong: "Le message doit faire moins de {{max, number}} caractères.",
    noteTooLong: "La note doit faire moins de {{max, number}} caractères.",
    noteRequired: "Dites ce qui doit changer : la note est obligatoire.",
    caseNotFound: "Ce cas n’existe pas dans cet espace de travail.",
    alreadyInReview: "Ce cas est déjà en relecture. Retirez d’abord la demande pour la modifier.",
    alreadyApproved:
      "La version {{revision}} est déjà approuvée. Modifiez le cas pour créer un nouveau brouillon, puis soumettez-le.",
    notApprovers:
      "Choisissez les relecteurs parmi les membres de cet espace de travail qui peuvent approuver des cas.",
    cannotApprove:
      "Seul un cas en relecture peut être approuvé. Ce cas est $t(review.errors.statuses.{{status}}) : un rédacteur doit d’abord le soumettre en relecture.",
    cannotRequestChanges:
      "Seul un cas en relecture peut être renvoyé avec des modifications. Ce cas est $t(review.errors.statuses.{{status}}) : un rédacteur doit d’abord le soumettre en relecture.",
    staleRevision:
      "Les informations du cas ont changé (c’est maintenant la version {{revision}}) après que vous l’avez ouvert. Lisez la dernière version, puis décidez.",
    notYours: "Seule la personne qui a soumis le cas, ou un propriétaire, peut le retirer de la relecture.",
    someoneElse:
      "Vous avez modifié ce cas en dernier : cet espace de travail demande l’approbation par un autre membre. Demandez à un autre relecteur ou propriétaire de décider.",
    nothingToWithdraw:
      "Il n’y a pas de relecture à retirer : ce cas est $t(review.errors.statuses.{{status}}).",
    statuses: {
      draft: "un brouillon",
      in_review: "déjà en relecture",
      changes_requested: "en attente de modifications",
      approved: "approuvé",
    },
  },
} satisfies Catalogue<typeof en>;

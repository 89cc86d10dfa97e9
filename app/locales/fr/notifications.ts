import type en from "../en/notifications";
import type { Catalogue } from "../types";

export default {
  metaTitle: "Notifications",
  metaTitleUnread: "({{count}}) Notifications",
  title: "Notifications",
  nothingUnread: "Aucune notification non lue.",
  unread_one: "{{count}} non lue.",
  unread_other: "{{count}} non lues.",
  intro: " Relectures demandées et faites, mentions et réponses dans cet espace de travail.",
  markAll: "Tout marquer comme lu",
  allMarked: "Toutes les notifications sont marquées comme lues.",
  nothingWasUnread: "Aucune notification n’était non lue.",
  notUnderstood: "Cette demande n’a pas été comprise. Rechargez la page.",
  notFound: "Cette notification n’existe pas.",
  emptyTitle: "Aucune notification.",
  emptyBody:
    "Vous êtes prévenu ici quand quelqu’un vous demande de relire un cas, se prononce sur un cas que vous avez soumis, vous mentionne ou répond à votre fil de commentaires. En attendant, ",
  emptyRest: " indique ce qui vous attend.",
  emptyReader:
    "Les notifications portent ici sur les relectures et les commentaires, auxquels les formateurs ne prennent pas part : les cas approuvés sont sur la page Cas.",
  pages: "Pages",
  newer: "← Plus récentes",
  older: "Plus anciennes →",
  pageOf: "Page {{page}} sur {{pages}}",
  item: {
    unread: "Non lue : ",
    someone: "Quelqu’un",
    aCase: "un cas",
    revision: " (version {{revision}})",
    openReview: "Ouvrir la relecture",
    ofCase: " de {{title}}",
    markRead: "Marquer comme lue",
    verb: {
      review_requested: "vous a demandé de relire",
      approved: "a approuvé",
      withdrawn: "a retiré de la relecture",
      changes_requested: "a demandé des modifications sur",
      mentioned: "vous a mentionné dans un commentaire sur",
      reply: "a répondu à un fil de commentaires sur",
    },
  },
  bell: {
    none: "Notifications, aucune non lue",
    unread_one: "Notifications, {{count}} non lue",
    unread_other: "Notifications, {{count}} non lues",
  },
} satisfies Catalogue<typeof en>;

import type en from "../en/errors";
import type { Catalogue } from "../types";

export default {
  notFound: {
    title: "Page introuvable",
    message:
      "Cette page n’existe pas, ou elle n’appartient pas à un espace de travail dont vous êtes membre.",
  },
  forbidden: {
    title: "Action non autorisée",
    message: "Votre rôle dans cet espace de travail ne permet pas cette action.",
  },
  status: {
    title: "Erreur {{status}}",
  },
  unexpected: {
    title: "Une erreur s’est produite",
    message:
      "La page n’a pas pu s’afficher. Rien de ce que vous aviez enregistré n’est perdu. Réessayez, ou revenez en arrière.",
  },
  notMember: "Cet espace de travail n’existe pas, ou vous n’en êtes pas membre.",
  invalidValue: "Cette valeur n’est pas valide.",
  tooLarge: {
    title: "Trop volumineux",
    request: "Cette requête est trop volumineuse (plus de {{mb}} Mo). Rien n’a été enregistré.",
    back: "Revenir en arrière",
  },
  goHome: "Aller à mes espaces de travail",
  unknownAction: "Action inconnue.",
} satisfies Catalogue<typeof en>;

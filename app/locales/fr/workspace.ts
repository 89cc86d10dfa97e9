import type en from "../en/workspace";
import type { Catalogue } from "../types";

export default {
  list: {
    title: "Vos espaces de travail",
    metaTitle: "Espaces de travail",
    emptyTitle: "Vous n’êtes encore membre d’aucun espace de travail.",
    emptyBody:
      "Créez-en un pour votre équipe ci-dessous, ou ouvrez le lien d’invitation qu’un collègue vous a envoyé.",
    export: "Exporter",
    newHeading: "Nouvel espace de travail",
    nameLabel: "Nom de l’espace de travail",
    namePlaceholder: "p. ex. Programme Sahel",
    create: "Créer l’espace de travail",
    created: "Espace de travail « {{name}} » créé.",
    importPrompt: "Vous déplacez ou restaurez le travail d’une équipe ?",
    importLink: "Importez un espace de travail",
    importRest: "depuis un fichier créé avec « Exporter cet espace de travail ».",
    unconfirmed:
      "Confirmez votre adresse pour rejoindre un espace de travail sur invitation : suivez le lien envoyé à {{email}}.",
    unconfirmedLink: "Le renvoyer",
  },
  settings: {
    metaTitle: "Réglages de l’espace de travail",
    title: "Réglages de l’espace de travail",
    intro: "Réglages de {{workspace}}. Seuls les propriétaires voient cette page.",
    twoFactorHeading: "Double authentification",
    twoFactorLabel: "Exiger la double authentification de chaque membre",
    twoFactorHint:
      "Les membres qui ne l’ont pas sont invités à l’activer avant de voir le moindre cas de cet espace. Un mot de passe volé ne suffit alors plus à lire vos cas.",
    saveTwoFactor: "Enregistrer",
    twoFactorOn: "La double authentification est désormais exigée dans cet espace de travail.",
    twoFactorOff: "La double authentification n’est plus exigée dans cet espace de travail.",
    twoFactorFirst: "Activez d’abord la double authentification pour votre propre compte (page du compte).",
    setUpOwn: "Activer la double authentification pour votre compte",
    without_one: "{{count}} membre ne l’a pas encore activée :",
    without_other: "{{count}} membres ne l’ont pas encore activée :",
    allSet: "Chaque membre utilise la double authentification.",
    mailHeading: "Courriels",
    mailLink: "Ce que sont devenus les courriels envoyés depuis cet espace de travail",
    notUnderstood: "Cette demande n’a pas été comprise. Rechargez la page et réessayez.",
    generalHeading: "Général",
    name: "Nom de l’espace de travail",
    language: "Langue de l’interface",
    languageHint:
      "Pour les membres qui n’ont pas choisi de langue sur leur page de compte. Chacun peut toujours choisir la sienne.",
    review: "Approbation des cas",
    reviewBySomeoneElse: "Un cas est approuvé par quelqu’un d’autre que le membre qui l’a modifié en dernier",
    reviewHint:
      "Recommandé : personne ne valide seul son propre texte. Désactivé, un relecteur ou un propriétaire peut approuver un cas qu’il a modifié en dernier.",
    save: "Enregistrer les réglages",
    saving: "Enregistrement…",
    saved: "Réglages enregistrés.",
  },
  errors: {
    languageUnknown: "Choisissez une langue dans la liste.",
    nameTooShort: "Nommez l’espace de travail (au moins 2 caractères).",
    nameTooLong: "Le nom doit faire moins de {{max}} caractères.",
  },
} satisfies Catalogue<typeof en>;

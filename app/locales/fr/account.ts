import type en from "../en/account";
import type { Catalogue } from "../types";

export default {
  title: "Votre compte",
  metaTitle: "Compte",
  profile: {
    heading: "Profil",
    email: "Adresse e-mail : {{email}}",
    save: "Enregistrer le nom",
    saved: "Votre nom a été mis à jour.",
  },
  password: {
    heading: "Changer de mot de passe",
    current: "Mot de passe actuel",
    new: "Nouveau mot de passe",
    hint: "Au moins {{min}} caractères. Le changer vous déconnecte de tous vos autres appareils.",
    submit: "Changer le mot de passe",
    changed: "Mot de passe changé. Vos autres appareils ont été déconnectés.",
  },
  language: {
    heading: "Langue",
    hint: "La langue de l’interface. « Langue du navigateur » suit le réglage de votre navigateur.",
    save: "Enregistrer la langue",
    saved: "Langue enregistrée.",
    invalid: "Choisissez English, Français ou la langue du navigateur.",
  },
} satisfies Catalogue<typeof en>;

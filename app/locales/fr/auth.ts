import type en from "../en/auth";
import type { Catalogue } from "../types";

export default {
  email: "Adresse e-mail",
  password: "Mot de passe",
  name: "Nom",
  signIn: {
    title: "Connexion",
    submit: "Se connecter",
    submitting: "Connexion…",
    newHere: "Première visite ?",
    createAccount: "Créer un compte",
  },
  signUp: {
    title: "Créer un compte",
    submit: "Créer le compte",
    submitting: "Création du compte…",
    passwordHint: "Au moins {{min}} caractères. Une phrase de plusieurs mots est le plus facile à retenir.",
    haveAccount: "Vous avez déjà un compte ?",
    signIn: "Se connecter",
  },
  errors: {
    emailInvalid: "Saisissez une adresse e-mail comme nom@example.org.",
    emailTooLong: "L’adresse e-mail doit faire moins de 200 caractères.",
    passwordRequired: "Saisissez votre mot de passe.",
    passwordTooShort: "Utilisez au moins {{min}} caractères.",
    passwordTooLong: "Utilisez au plus {{max}} caractères.",
    nameRequired: "Saisissez votre nom.",
    nameTooLong: "Votre nom doit faire moins de {{max}} caractères.",
    currentPasswordRequired: "Saisissez votre mot de passe actuel.",
    currentPasswordWrong: "Votre mot de passe actuel n’est pas correct.",
    wrongCredentials: "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.",
    throttled_one: "Trop de tentatives de connexion échouées. Attendez {{count}} minute et réessayez.",
    throttled_other: "Trop de tentatives de connexion échouées. Attendez {{count}} minutes et réessayez.",
    passwordThrottled_one: "Trop de mots de passe erronés. Attendez {{count}} minute et réessayez.",
    passwordThrottled_other: "Trop de mots de passe erronés. Attendez {{count}} minutes et réessayez.",
    throttledSeconds_one:
      "Trop de tentatives de connexion échouées. Attendez {{count}} seconde et réessayez.",
    throttledSeconds_other:
      "Trop de tentatives de connexion échouées. Attendez {{count}} secondes et réessayez.",
    passwordThrottledSeconds_one: "Trop de mots de passe erronés. Attendez {{count}} seconde et réessayez.",
    passwordThrottledSeconds_other:
      "Trop de mots de passe erronés. Attendez {{count}} secondes et réessayez.",
    emailTaken: "Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt.",
  },
} satisfies Catalogue<typeof en>;

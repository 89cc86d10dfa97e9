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
    forgot: "Mot de passe oublié ?",
  },
  signUp: {
    title: "Créer un compte",
    submit: "Créer le compte",
    submitting: "Création du compte…",
    passwordHint: "Au moins {{min}} caractères. Une phrase de plusieurs mots est le plus facile à retenir.",
    haveAccount: "Vous avez déjà un compte ?",
    signIn: "Se connecter",
    sentTitle: "Consultez votre messagerie",
    sentBody:
      "Nous avons envoyé un message à {{email}}. Suivez son lien pour confirmer votre adresse et terminer ; le lien fonctionne pendant deux jours.",
    sentHelp:
      "Rien après quelques minutes ? Regardez dans vos indésirables, ou remplissez à nouveau le formulaire pour recevoir un nouveau lien.",
  },
  forgot: {
    metaTitle: "Mot de passe oublié",
    title: "Mot de passe oublié",
    intro:
      "Saisissez l’adresse de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.",
    submit: "Envoyer le lien",
    submitting: "Envoi…",
    sentTitle: "Consultez votre messagerie",
    sentBody:
      "Si un compte utilise {{email}}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien fonctionne une seule fois, pendant une heure.",
    backToSignIn: "Retour à la connexion",
    throttled_one: "Trop de demandes depuis cet endroit. Attendez {{count}} minute et réessayez.",
    throttled_other: "Trop de demandes depuis cet endroit. Attendez {{count}} minutes et réessayez.",
  },
  reset: {
    metaTitle: "Nouveau mot de passe",
    title: "Choisir un nouveau mot de passe",
    intro: "Pour le compte {{email}}. Le choisir vous déconnecte de tous vos appareils.",
    newPassword: "Nouveau mot de passe",
    submit: "Enregistrer le nouveau mot de passe",
    submitting: "Enregistrement…",
    invalidTitle: "Ce lien ne fonctionne plus",
    invalidBody:
      "Les liens de réinitialisation fonctionnent une seule fois, pendant une heure. Demandez-en un nouveau.",
    askAgain: "Demander un nouveau lien",
    done: "Mot de passe changé. Connectez-vous avec votre nouveau mot de passe.",
  },
  verify: {
    metaTitle: "Confirmer votre adresse",
    title: "Confirmer votre adresse",
    intro: "Confirmez que {{email}} est bien votre adresse.",
    submit: "Confirmer mon adresse",
    invalidTitle: "Ce lien ne fonctionne plus",
    invalidBody:
      "Les liens de confirmation fonctionnent une seule fois, pendant deux jours. Connectez-vous et demandez-en un nouveau depuis la page de votre compte, ou inscrivez-vous à nouveau.",
    done: "Adresse confirmée. Bienvenue.",
    doneSignIn: "Adresse confirmée. Connectez-vous pour continuer.",
  },
  twoFactor: {
    metaTitle: "Connexion en deux étapes",
    title: "Connexion en deux étapes",
    intro:
      "Saisissez le code à 6 chiffres que votre application d’authentification affiche pour Mediation Casebook.",
    code: "Code",
    hint: "Vous avez perdu votre téléphone ? Saisissez plutôt l’un de vos codes de secours (XXXX-XXXX-XXXX-XXXX).",
    submit: "Se connecter",
    submitting: "Vérification…",
    wrong:
      "Ce code n’est pas le bon. Les codes changent toutes les 30 secondes : saisissez celui affiché maintenant.",
    codeRequired: "Saisissez le code de votre application ou un code de secours.",
    codeInvalid: "Un code a 6 chiffres ; un code de secours ressemble à XXXX-XXXX-XXXX-XXXX.",
    startAgain: "Recommencer",
    expired:
      "Saisissez à nouveau votre adresse et votre mot de passe : la connexion en deux étapes a trop attendu.",
    recoveryUsed_one:
      "Vous vous êtes connecté avec un code de secours. Il en reste {{count}} : créez-en de nouveaux sur votre page de double authentification.",
    recoveryUsed_other:
      "Vous vous êtes connecté avec un code de secours. Il en reste {{count}} : créez-en de nouveaux sur votre page de double authentification s’il en reste peu.",
  },
  errors: {
    emailInvalid: "Saisissez une adresse e-mail comme nom@example.org.",
    emailTooLong: "L’adresse e-mail doit faire moins de 200 caractères.",
    passwordRequired: "Saisissez votre mot de passe.",
    passwordTooShort: "Utilisez au moins {{min}} caractères.",
    passwordTooLong: "Utilisez au plus {{max}} caractères.",
    nameRequired: "Saisissez votre nom.",
    nameTooLong: "Votre nom doit faire moins de {{max}} caractères.",
    nameControl: "Un nom ne peut pas contenir de caractères de contrôle.",
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
